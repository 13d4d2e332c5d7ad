package io.github.dynamosetup.aws;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Decisions about endpoint URIs that must be made without touching the network. */
public final class Endpoints {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F.]*:[0-9a-fA-F:.]*]?");

    private Endpoints() {}

    /**
     * A warning for an endpoint that sends requests unencrypted over the network: plain {@code http://} to
     * a host that is not this machine. Empty for https and for local servers.
     */
    public static Optional<String> insecureWarning(URI endpoint) {
        if (endpoint == null || !"http".equalsIgnoreCase(endpoint.getScheme()) || isLoopback(endpoint)) {
            return Optional.empty();
        }
        return Optional.of("The endpoint " + display(endpoint) + " is plain http:// to another machine: requests"
                + " (signed, but not encrypted) cross the network in the clear. Use https:// unless this is a"
                + " test server on a network you trust.");
    }

    /**
     * The endpoint as messages show it: without the {@code user:password@} part a URL may carry, so that no
     * credential written into an endpoint reaches the log.
     */
    public static String display(URI endpoint) {
        if (endpoint == null || endpoint.getRawUserInfo() == null) {
            return String.valueOf(endpoint);
        }
        return endpoint.toString().replace(endpoint.getRawUserInfo() + "@", "***@");
    }

    /** Whether the endpoint is on this machine (localhost, 127.0.0.0/8, ::1); never resolves a name. */
    public static boolean isLoopback(URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (!IP_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            // an IP literal is parsed, not looked up
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
