// kind: bug
// bug_class: permit leaked on failure: a failed request never frees its place
// expect_fail: httpTimeoutAndFailureFreeTheirPlace
// feedback: place leaked on failure
// about: only a successful response frees its place and starts the next request; a 500 or a timeout keeps it for good
// ==== cell 12-event-loops-and-async-io-09
class MyLoopHttp implements LoopHttp {
    private final EventLoop loop;
    private final Sender sender;

    MyLoopHttp(EventLoop loop, Sender sender) {
        this.loop = loop;
        this.sender = sender;
    }

    public CompletableFuture<List<Reply>> getAll(List<URI> uris, int cap, Duration timeout) {
        CompletableFuture<List<Reply>> all = new CompletableFuture<>();
        loop.execute("getAll", () -> new Batch(List.copyOf(uris), cap, timeout, all).fill());
        return all;
    }

    /** One getAll. Only the loop thread touches its fields: no lock, no atomic. */
    private final class Batch {
        private final List<URI> uris;
        private final int cap;
        private final Duration timeout;
        private final CompletableFuture<List<Reply>> all;
        private final Reply[] replies;
        private int next, inFlight, done;

        Batch(List<URI> uris, int cap, Duration timeout, CompletableFuture<List<Reply>> all) {
            this.uris = uris;
            this.cap = cap;
            this.timeout = timeout;
            this.all = all;
            this.replies = new Reply[uris.size()];
        }

        /** Starts requests until cap are in flight or none is left. */
        void fill() {
            if (uris.isEmpty()) all.complete(List.of());
            while (inFlight < cap && next < uris.size()) send(next++);
        }

        private void send(int i) {
            URI uri = uris.get(i);
            inFlight++;
            CompletableFuture<HttpResponse<String>> response;
            try {
                response = sender.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            loop.onLoop(response).whenComplete((r, e) -> {   // runs on the loop thread
                Throwable why = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                replies[i] = why != null ? Reply.failed(uri, why.toString())
                        : r.statusCode() != 200 ? Reply.failed(uri, "HTTP " + r.statusCode())
                        : Reply.ok(uri, r.body());
                if (why != null) return;                    // failed: nothing more to do
                inFlight--;
                if (++done == uris.size()) all.complete(Arrays.asList(replies));
                else fill();
            });
        }
    }
}
