package nl.leerlog.tool.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/**
 * The two answers to a form, the same on every page. After a change, POST-redirect-GET: a reload never sends the
 * form twice, and htmx follows the redirect itself with the page's session header, so this works in an LMS frame
 * without cookies. A form with mistakes comes back with 422, the input kept and a message at each field; htmx swaps
 * that page in (the {@code htmx-config} meta) and the error summary takes the focus.
 */
public final class FormAnswers {

    private FormAnswers() {}

    /** The page to show after a change, fetched with a GET. */
    public static String redirect(String path) {
        return "redirect:" + path;
    }

    /**
     * Shows {@code path}, the page's address without the parameters that named the change, in the address bar
     * (htmx reads the header): a reload or a bookmark does not tell of the change again.
     */
    public static void showAddress(HttpServletResponse response, String path) {
        response.setHeader("HX-Push-Url", path);
    }

    /**
     * The form {@code view} again after a change that crossed another one (closed or withdrawn in another tab),
     * answered with 409: the page says what happened and keeps what was typed.
     */
    public static String refused(HttpServletResponse response, String view) {
        response.setStatus(HttpStatus.CONFLICT.value());
        return view;
    }

    /** The form {@code view} again, answered with 422 so that nobody mistakes it for a saved change. */
    public static String rejected(HttpServletResponse response, String view) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return view;
    }
}
