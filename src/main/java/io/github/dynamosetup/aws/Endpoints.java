package io.github.dynamosetup.aws;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/** Decisions about endpoint URIs that must be made without touching the network. */
public final class Endpoints {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F.]*:[0-9a-fA-F:.]*]?");

    private static final Pattern PORT = Pattern.compile(":[0-9]+");
    private static final String EXAMPLE = "write e.g. http://localhost:8000 or https://dynamodb.eu-west-1.amazonaws.com";

    private Endpoints() {}

    /**
     * An endpoint and where it was configured, for messages: {@code <endpoint>}, {@code AWS_ENDPOINT_URL_DYNAMODB},
     * {@code profile 'dev' endpoint_url}...
     *
     * @param uri the validated endpoint, scheme in lower case, without the optional trailing "/"
     * @param source where it came from
     */
    public record Configured(URI uri, String source) {}

    /**
     * The endpoint configured for one service, in the order of AWS's "Service-specific endpoints" setting
     * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html): the explicit value (the
     * plugin's {@code <endpoint>}, which always wins), else {@code AWS_ENDPOINT_URL_<SERVICE>}, else the
     * {@code <service> = endpoint_url} of the profile's {@code services} section, else {@code AWS_ENDPOINT_URL},
     * else the profile's {@code endpoint_url}. All but the explicit value are ignored when
     * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} (or the profile's {@code ignore_configured_endpoint_urls}) is
     * {@code true}. The plugin resolves this itself, and gives the SDK the result as an endpoint override, so
     * that the endpoint is validated before any call and every message names it.
     *
     * @param service the service's identifier: {@code dynamodb} or {@code sts}
     * @param explicit the plugin's parameter, or {@code null}
     * @param explicitName how the parameter is written in messages ({@code <endpoint>})
     * @param environment the process environment
     * @param profiles the shared config files
     * @param profileName the profile whose settings count (the chosen one, else {@code default})
     * @param problems receives (where, what is wrong) for every invalid value; nothing is returned for those
     */
    public static Optional<Configured> configured(String service, String explicit, String explicitName,
            Map<String, String> environment, Supplier<ProfileFile> profiles, String profileName,
            BiConsumer<String, String> problems) {
        if (hasText(explicit)) {
            return parse(explicit, explicitName, problems);
        }
        Optional<Profile> profile = profile(profiles, profileName);
        String ignore = environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
        boolean ignored = hasText(ignore) ? "true".equalsIgnoreCase(ignore.trim())
                : profile.flatMap(p -> p.booleanProperty(ProfileProperty.IGNORE_CONFIGURED_ENDPOINT_URLS)).orElse(false);
        if (ignored) {
            return Optional.empty();
        }
        String serviceVariable = "AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT);
        if (setButEmpty(environment, serviceVariable, problems)) {
            return Optional.empty();
        }
        if (hasText(environment.get(serviceVariable))) {
            return parse(environment.get(serviceVariable), serviceVariable + " (environment variable)", problems);
        }
        Optional<String> servicesSection = profile.flatMap(p -> p.property("services")).filter(Endpoints::hasText);
        if (servicesSection.isPresent()) {
            Optional<String> fromSection = profiles.get().getSection("services", servicesSection.get().trim())
                    .flatMap(s -> s.property(service + "." + ProfileProperty.ENDPOINT_URL))
                    .filter(Endpoints::hasText);
            if (fromSection.isPresent()) {
                return parse(fromSection.get(), "endpoint_url of " + service + " in [services "
                        + servicesSection.get().trim() + "] (profile '" + profileName + "')", problems);
            }
        }
        if (setButEmpty(environment, "AWS_ENDPOINT_URL", problems)) {
            return Optional.empty();
        }
        if (hasText(environment.get("AWS_ENDPOINT_URL"))) {
            return parse(environment.get("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL (environment variable)", problems);
        }
        Optional<String> fromProfile = profile.flatMap(p -> p.property(ProfileProperty.ENDPOINT_URL))
                .filter(Endpoints::hasText);
        if (fromProfile.isPresent()) {
            return parse(fromProfile.get(), "endpoint_url of profile '" + profileName + "'", problems);
        }
        return Optional.empty();
    }

    /**
     * An endpoint variable that is set but empty: the AWS SDK takes it as an endpoint and fails with a
     * NullPointerException when the client is built, so it is a configuration problem here.
     */
    private static boolean setButEmpty(Map<String, String> environment, String variable,
            BiConsumer<String, String> problems) {
        String value = environment.get(variable);
        if (value != null && value.isBlank()) {
            problems.accept(variable + " (environment variable)", "is set but empty, which the AWS SDK cannot use as"
                    + " an endpoint; unset it ('unset " + variable + "') or give a URL such as http://localhost:8000");
            return true;
        }
        return false;
    }

    private static Optional<Profile> profile(Supplier<ProfileFile> profiles, String profileName) {
        if (!hasText(profileName)) {
            return Optional.empty();
        }
        return profiles.get().profile(profileName);
    }

    private static Optional<Configured> parse(String value, String source, BiConsumer<String, String> problems) {
        try {
            return Optional.of(new Configured(parse(value), source));
        } catch (IllegalArgumentException e) {
            problems.accept(source, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Checks an endpoint URL without touching the network: http or https (in any case), a host, a port from
     * 1 to 65535 when one is given (a trailing ':' without one is refused, not read as the default port),
     * no user info, no path other than "/", no query, no fragment.
     *
     * @return the endpoint, scheme in lower case, without the trailing "/"
     * @throws IllegalArgumentException saying what is wrong and how to write it; it never repeats user info
     */
    public static URI parse(String value) {
        String text = value.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(text.contains("@") ? userInfo()
                    : "'" + text + "' is not a URL (" + e.getReason() + "); " + EXAMPLE);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException((text.contains("@") ? "the value" : "'" + text + "'")
                    + " does not start with http:// or https://; " + EXAMPLE);
        }
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
            throw new IllegalArgumentException(userInfo());
        }
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no host; " + EXAMPLE);
        }
        if (authority.endsWith(":")) {
            throw new IllegalArgumentException("'" + text + "' ends its host with ':' but gives no port; write the"
                    + " port (e.g. http://127.0.0.1:8000) or leave out the ':'");
        }
        int hostEnd = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.lastIndexOf(':');
        String portPart = hostEnd <= 0 || hostEnd >= authority.length() ? "" : authority.substring(hostEnd);
        if (!portPart.isEmpty()) {
            if (!PORT.matcher(portPart).matches()) {
                throw new IllegalArgumentException("'" + text + "' has the port '" + portPart.substring(1)
                        + "', which is not a number; a port is a number from 1 to 65535");
            }
            String digits = portPart.substring(1);
            if (digits.length() > 5 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
                throw new IllegalArgumentException("'" + text + "' has the port " + digits
                        + "; a port is a number from 1 to 65535");
            }
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' has no valid host name; " + EXAMPLE);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("'" + text + "' has a path ('" + uri.getRawPath() + "'); a DynamoDB"
                    + " endpoint is scheme, host and port only, e.g. http://localhost:8000");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' has a query or fragment ('?...' or '#...'); a DynamoDB"
                    + " endpoint is scheme, host and port only, e.g. http://localhost:8000");
        }
        return URI.create(scheme.toLowerCase(Locale.ROOT) + "://" + authority);
    }

    private static String userInfo() {
        return "the URL has user info (name:password@ before the host), which is not shown here; remove it: an"
                + " endpoint carries no credentials (give them with <serverId>, a profile or the AWS_ACCESS_KEY_ID /"
                + " AWS_SECRET_ACCESS_KEY environment variables)";
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

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
