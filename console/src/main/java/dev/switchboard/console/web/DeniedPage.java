package dev.switchboard.console.web;

import dev.switchboard.console.LogText;
import dev.switchboard.console.api.ErrorJson;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the server's own 401 and 403 (WEB-INF/web.xml {@code <error-page>}): the server
 * checks BASIC credentials before any of the console's code runs and answers a wrong password itself,
 * with {@code sendError}, which comes here. So this is where the console sees a failed login and logs
 * it ({@link FailedLogins}), and it answers JSON like the rest of the API; the server's
 * {@code WWW-Authenticate} challenge stays on the response.
 */
@WebServlet(DeniedPage.PATH)
public class DeniedPage extends HttpServlet {
    static final String PATH = "/denied";

    @Inject
    FailedLogins failedLogins;

    /** Every method: the error dispatch keeps the method of the request that was refused. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            write(response, HttpServletResponse.SC_NOT_FOUND, "NOTFOUND", "nothing here");
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        String authorization = request.getHeader("Authorization");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            if (authorization == null) {
                write(response, status, "UNAUTHORIZED", "this needs the user name and password of an operator"
                        + " (HTTP BASIC, a user in role operator)");
                return;
            }
            String user = BasicUser.of(authorization);
            failedLogins.failed(request.getRemoteAddr(), user, System.currentTimeMillis());
            write(response, status, "UNAUTHORIZED", "wrong user name or password, or the account is locked"
                    + " after too many failed logins in a row (ask an administrator: docs/operator-console.md)");
        } else {
            String user = request.getRemoteUser() != null ? request.getRemoteUser() : BasicUser.of(authorization);
            write(response, status, "FORBIDDEN", "user " + LogText.quoted(user) + " may not do this: changes need"
                    + " a user in role operator");
        }
    }

    private static void write(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ErrorJson.text(error, message));
    }
}
