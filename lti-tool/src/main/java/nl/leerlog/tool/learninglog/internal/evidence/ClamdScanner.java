package nl.leerlog.tool.learninglog.internal.evidence;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Scans with a ClamAV daemon over its INSTREAM command (clamd(8)): the content in length-prefixed chunks, then a
 * zero length; clamd answers {@code stream: OK} or {@code stream: <signature> FOUND}. A daemon that cannot be
 * reached gives FAILED, and the upload is refused rather than stored unscanned.
 */
record ClamdScanner(String host, int port, int timeoutMillis) implements EvidenceScanner {

    private static final int CHUNK = 64 * 1024;

    @Override
    public ScanStatus scan(byte[] content) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < content.length; offset += CHUNK) {
                int length = Math.min(CHUNK, content.length - offset);
                out.writeInt(length);
                out.write(content, offset, length);
            }
            out.writeInt(0);
            out.flush();
            String reply = readReply(socket.getInputStream());
            if (reply.endsWith("OK")) {
                return ScanStatus.CLEAN;
            }
            return reply.endsWith("FOUND") ? ScanStatus.INFECTED : ScanStatus.FAILED;
        } catch (IOException e) {
            return ScanStatus.FAILED;
        }
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }
}
