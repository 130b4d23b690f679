package vn.doanvien.security;

import io.vertx.core.http.HttpServerRequest;

/** Where a request comes from: the client address (forwarded headers count only when the proxy is trusted). */
public final class ClientInfo {

    private ClientInfo() {
    }

    public static String address(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().host();
        return host == null ? "unknown" : host;
    }

    public static String userAgent(HttpServerRequest request) {
        String agent = request == null ? null : request.getHeader("User-Agent");
        if (agent == null) {
            return null;
        }
        agent = agent.replaceAll("\\p{Cntrl}", "?");
        return agent.length() > 300 ? agent.substring(0, 300) : agent;
    }
}
