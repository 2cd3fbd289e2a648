package nl.leerlog.lti.failure;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Shows a refused login or launch to the user. The failure is already logged under its error id. */
@FunctionalInterface
public interface LtiFailureHandler {

    void onFailure(HttpServletRequest request, HttpServletResponse response, LtiLaunchException failure, String errorId)
            throws IOException, ServletException;
}
