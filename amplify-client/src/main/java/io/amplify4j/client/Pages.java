package io.amplify4j.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks every page of a list query lazily: a page is fetched only when the items before it are used up, empty pages
 * with a next token are skipped over (AppSync filters after {@code limit}), and the walk stops at the first page
 * without a next token.
 *
 * <pre>{@code
 * for (Todo todo : Pages.iterate(token -> client.todos().list(filter, 100, token))) { ... }
 * long open = Pages.iterate(fetch).stream().filter(t -> !t.done()).count();
 * }</pre>
 */
public final class Pages {
    private Pages() {}

    /**
     * Every item of every page. {@code fetch} receives the page's start ({@code Optional.empty()} for the first
     * page, then each page's next token) and returns the page. Iterating again starts again from the first page.
     */
    public static <T> Paged<T> iterate(Function<Optional<String>, Page<T>> fetch) {
        return new Paged<>(Objects.requireNonNull(fetch, "fetch"));
    }

    /** A lazy walk over every item of every page; each {@link #iterator()} or {@link #stream()} starts anew. */
    public static final class Paged<T> implements Iterable<T> {
        private final Function<Optional<String>, Page<T>> fetch;

        private Paged(Function<Optional<String>, Page<T>> fetch) {
            this.fetch = fetch;
        }

        @Override
        public Iterator<T> iterator() {
            return new ItemIterator<>(fetch);
        }

        /** The items as a sequential stream, fetching pages as the stream is consumed. */
        public Stream<T> stream() {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                    Spliterator.ORDERED | Spliterator.NONNULL), false);
        }

        /** The pages themselves, including empty ones, fetched lazily. */
        public Stream<Page<T>> pages() {
            PageIterator<T> pages = new PageIterator<>(fetch);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                    Spliterator.ORDERED | Spliterator.NONNULL), false);
        }
    }

    private static final class PageIterator<T> implements Iterator<Page<T>> {
        private final Function<Optional<String>, Page<T>> fetch;
        private Optional<String> next = Optional.empty();
        private boolean started;

        PageIterator(Function<Optional<String>, Page<T>> fetch) {
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            return !started || next.isPresent();
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more pages");
            }
            Optional<String> start = next;
            Page<T> page = Objects.requireNonNull(fetch.apply(start), "fetch returned null for page " + start);
            if (page.nextToken().isPresent() && page.nextToken().equals(start)) {
                // A server that hands back the token it was given would make this loop forever.
                throw new IllegalStateException("The page starting at nextToken " + start.get()
                        + " returned the same nextToken; stopping instead of looping forever");
            }
            started = true;
            next = page.nextToken();
            return page;
        }
    }

    private static final class ItemIterator<T> implements Iterator<T> {
        private final PageIterator<T> pages;
        private Iterator<T> current = java.util.Collections.emptyIterator();

        ItemIterator(Function<Optional<String>, Page<T>> fetch) {
            this.pages = new PageIterator<>(fetch);
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!pages.hasNext()) {
                    return false;
                }
                current = pages.next().items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more items");
            }
            return current.next();
        }
    }
}
