package dev.switchboard.console.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every console response carries, set before anything is written: the page may not be framed
 * (clickjacking: {@code X-Frame-Options}, CSP {@code frame-ancestors}), loads nothing but its own files
 * and runs no inline script ({@code Content-Security-Policy}: the page keeps its script and style in
 * console.js and console.css), is never sniffed into another type, and leaks no URL to other sites. API
 * answers are never cached ({@code Cache-Control: no-store}): they show live state, and a shared cache must
 * not keep what an operator saw. Also on the server's own 401/403 pages (the ERROR dispatch).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, // the live feed (EventsServlet) is asynchronous
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.getDispatcherType() == DispatcherType.ERROR || isApi(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/api/") || path.equals("/api");
    }
}
