package dev.switchboard.console.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tells {@link FailedLogins} when a user got in: the realm then clears that user's failures in a row,
 * so the console's count of them starts again too. (Failed logins never get this far: they end in
 * {@link DeniedPage}.)
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true) // the live feed (EventsServlet) is asynchronous
public class SignInWatch extends HttpFilter {

    @Inject
    FailedLogins failedLogins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String user = request.getRemoteUser();
        if (user != null) {
            failedLogins.succeeded(user);
        }
        chain.doFilter(request, response);
    }
}
