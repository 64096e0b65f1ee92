package org.kamal4j.ssh;

import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SocketFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Reaches the target through a local command's stdin/stdout ({@code ssh.proxy_command}); {@code %h}, {@code %p}
 * and {@code %r} are replaced by host, port and user as OpenSSH does.
 */
final class CommandProxy implements Proxy {

    private final String template;
    private final String user;
    private Process process;

    CommandProxy(String template, String user) {
        this.template = template;
        this.user = user;
    }

    @Override
    public void connect(SocketFactory ignored, String host, int port, int timeout) throws Exception {
        String command = template.replace("%h", host).replace("%p", Integer.toString(port)).replace("%r", user)
                .replace("%%", "%");
        process = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    @Override
    public InputStream getInputStream() {
        return process.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
        return process.getOutputStream();
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }
}
