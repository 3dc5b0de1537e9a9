package io.agentledger.kernel.page;

/** A 1-based page of at most {@link #MAX_SIZE} items. */
public record PageSpec(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageSpec {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    public int pages(long total) {
        return (int) ((total + size - 1) / size);
    }
}
