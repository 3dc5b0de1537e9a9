package io.agentledger.app.web;

import io.agentledger.kernel.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses bodies over the limit: at once when Content-Length says so, and while reading when a
 * chunked body grows past it (the reader then fails with {@link PayloadTooLargeException}).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final String uploadPrefix;
    private final long uploadMaxBytes;
    private final ProblemWriter problems;

    /** Requests under {@code uploadPrefix} (package uploads) may be up to {@code uploadMaxBytes}. */
    public RequestSizeLimitFilter(long maxBytes, String uploadPrefix, long uploadMaxBytes, ProblemWriter problems) {
        this.defaultMaxBytes = maxBytes;
        this.uploadPrefix = uploadPrefix;
        this.uploadMaxBytes = uploadMaxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = request.getRequestURI().startsWith(uploadPrefix) ? uploadMaxBytes : defaultMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    static String tooLarge(long maxBytes) {
        return "The request body is larger than the limit of " + maxBytes + " bytes";
    }

    public static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(long maxBytes) {
            super(tooLarge(maxBytes));
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
