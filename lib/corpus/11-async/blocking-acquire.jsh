// kind: bug
// bug_class: blocking in an asynchronous API (waits for permits in the caller)
// expect_fail: doesNotBlockTheCaller
// feedback: blocks the caller
// about: the old reference: acquireUninterruptibly in the send loop, so fetchAll returns only when the last request is sent
// ==== cell 11-async-4
class BoundedFetcher implements Fetcher {
    public CompletableFuture<List<Fetched>> fetchAll(HttpClient client, List<URI> uris, int maxInFlight, Duration timeout) {
        Semaphore permits = new Semaphore(maxInFlight);
        List<CompletableFuture<Fetched>> futures = new ArrayList<>();
        for (URI uri : uris) {
            permits.acquireUninterruptibly(); // waits while maxInFlight requests are out
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            futures.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        permits.release(); // success or failure: the request is no longer in flight
                        if (error != null) {
                            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                            return Fetched.failed(uri, cause.toString());
                        }
                        if (response.statusCode() != 200) {
                            return Fetched.failed(uri, "HTTP " + response.statusCode());
                        }
                        return Fetched.ok(uri, response.body());
                    }));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }
}
