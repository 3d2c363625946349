// kind: bug
// bug_class: limit exceeded (a lane per URL)
// expect_fail: capNeverExceeded
// feedback: limit exceeded
// about: starts as many lanes as URLs: every request is sent at once
// ==== cell 11-async-4
class BoundedFetcher implements Fetcher {
    public CompletableFuture<List<Fetched>> fetchAll(HttpClient client, List<URI> uris, int maxInFlight, Duration timeout) {
        Fetched[] results = new Fetched[uris.size()];
        AtomicInteger next = new AtomicInteger(); // the next position no lane has taken yet
        class Lane {
            CompletableFuture<Void> sendNext() {
                int i = next.getAndIncrement();
                if (i >= uris.size()) {
                    return CompletableFuture.completedFuture(null);
                }
                URI uri = uris.get(i);
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
                return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .handle((response, error) -> results[i] = error != null
                                ? Fetched.failed(uri, (error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause() : error).toString())
                                : response.statusCode() != 200 ? Fetched.failed(uri, "HTTP " + response.statusCode())
                                : Fetched.ok(uri, response.body()))
                        .thenCompose(done -> sendNext()); // this lane is free again: send the next URL
            }
        }
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < uris.size(); lane++) {
            lanes.add(new Lane().sendNext());
        }
        return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
                .thenApply(done -> Arrays.asList(results));
    }
}
