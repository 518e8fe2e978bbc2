package jp.joren.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reverse proxy in front of the application, as production has one: a plain TCP relay whose connections
 * reach the application from {@link #ADDRESS}, the one proxy address the tests trust besides the defaults.
 * Sessions that go through it may say which client they stand for with X-Forwarded-For; a session that
 * connects directly from loopback cannot.
 */
public final class TestProxy {

    /** A loopback address of its own, so that trusting it trusts nothing that connects from 127.0.0.1. */
    public static final String ADDRESS = "127.0.0.2";
    static final String TRUSTED_PATTERN = "127\\.0\\.0\\.2";

    private static final Map<Integer, TestProxy> BY_APP_PORT = new ConcurrentHashMap<>();

    private final int appPort;
    private final ServerSocket listener;

    private TestProxy(int appPort) throws IOException {
        this.appPort = appPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "test-proxy-" + appPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy in front of the application listening on {@code appPort}: its own port. */
    static int portFor(int appPort) {
        return BY_APP_PORT.computeIfAbsent(appPort, port -> {
            try {
                return new TestProxy(port);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket app = new Socket();
                app.bind(new InetSocketAddress(ADDRESS, 0));
                app.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), appPort));
                pump(client, app);
                pump(app, client);
            } catch (IOException e) {
                // one connection failed; the client sees it closed, the proxy goes on
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side closed
            } finally {
                close(from);
                close(to);
            }
        }, "test-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
