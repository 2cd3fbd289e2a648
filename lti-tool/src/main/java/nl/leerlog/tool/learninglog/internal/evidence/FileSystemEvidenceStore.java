package nl.leerlog.tool.learninglog.internal.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Keeps evidence as files under one directory. File names are random, never the student's: a name from a form
 * can never reach outside the directory, and the directory listing says nothing about whose files they are.
 */
class FileSystemEvidenceStore implements EvidenceStore {

    private final Path root;

    FileSystemEvidenceStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String put(long evidenceId, byte[] content) {
        String key = UUID.randomUUID().toString();
        try {
            Files.createDirectories(root);
            Files.write(resolve(key), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store evidence " + evidenceId, e);
        }
        return key;
    }

    @Override
    public byte[] get(long evidenceId, String storageKey) {
        try {
            return Files.readAllBytes(resolve(storageKey));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read evidence " + evidenceId, e);
        }
    }

    @Override
    public void copyTo(long evidenceId, String storageKey, OutputStream out) throws IOException {
        Files.copy(resolve(storageKey), out);
    }

    @Override
    public void delete(long evidenceId, String storageKey) {
        try {
            Files.deleteIfExists(resolve(storageKey));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete evidence " + evidenceId, e);
        }
    }

    private Path resolve(String key) {
        // Keys are UUIDs this store made; anything else is refused rather than resolved.
        return root.resolve(UUID.fromString(key).toString());
    }
}
