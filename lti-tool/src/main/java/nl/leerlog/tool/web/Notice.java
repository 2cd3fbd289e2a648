package nl.leerlog.tool.web;

/**
 * What a page says on top after a change: a message key, its argument (a title or a file name), and for a delete
 * where to post the undo. A page builds it from the address it was redirected to, so it survives POST-redirect-GET
 * without a session to carry it; {@code fragments/notice :: notice(${notice})} shows it.
 */
public record Notice(String key, String argument, String undoUrl) {

    public static Notice of(String key, String argument) {
        return new Notice(key, argument, null);
    }

    public static Notice undoable(String key, String argument, String undoUrl) {
        return new Notice(key, argument, undoUrl);
    }
}
