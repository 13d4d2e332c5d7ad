package io.github.dynamosetup.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLSocketFactory;

/**
 * An https connection through a proxy that asks for a password. The JDK opens such tunnels itself, but never
 * sends the credentials with its CONNECT unless the whole JVM allows Basic authentication for tunnels
 * ({@code jdk.http.auth.tunneling.disabledSchemes}) and has a default {@link java.net.Authenticator}: not
 * something a Maven plugin may change. So the https connection is opened as a direct one whose socket
 * factory connects to the proxy, sends {@code CONNECT host:port} with {@code Proxy-Authorization: Basic}
 * (RFC 9110, section 9.3.6; RFC 7617), and hands the tunnel to TLS, which then runs end to end with the
 * AWS endpoint.
 */
final class ProxyTunnel extends SSLSocketFactory {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final String proxyHost;
    private final int proxyPort;
    private final String authorization;
    private final SSLSocketFactory tls;

    ProxyTunnel(String proxyHost, int proxyPort, String username, String password) {
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    /** An unconnected socket: connecting it opens the tunnel to the address it is given. */
    @Override
    public Socket createSocket() {
        return new TunnelSocket();
    }

    /** TLS over the tunnel. */
    @Override
    public Socket createSocket(Socket tunnel, String host, int port, boolean autoClose) throws IOException {
        return tls.createSocket(tunnel, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket tunnel = createSocket();
        tunnel.connect(InetSocketAddress.createUnresolved(host, port));
        return createSocket(tunnel, host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostName(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address.getHostName(), port);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    /** A socket whose {@code connect} reaches the proxy and asks it for a tunnel to the given address. */
    private final class TunnelSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            InetSocketAddress target = (InetSocketAddress) endpoint;
            super.connect(new InetSocketAddress(proxyHost, proxyPort), timeout);
            String authority = target.getHostString() + ":" + target.getPort();
            OutputStream out = getOutputStream();
            out.write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\nProxy-Authorization: "
                    + authorization + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = readHeader(getInputStream()).lines().findFirst().orElse("");
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[1].equals("200")) {
                close();
                throw new IOException("the proxy " + proxyHost + ":" + proxyPort + " refused the tunnel to "
                        + authority + ": " + (status.isEmpty() ? "no answer" : status));
            }
        }

        /** The proxy's answer up to the empty line, and not a byte more: the rest belongs to TLS. */
        private String readHeader(InputStream in) throws IOException {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0 || header.size() > MAX_HEADER_BYTES) {
                    break;
                }
                header.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : b == '\r' ? 1 : 0;
            }
            return header.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
