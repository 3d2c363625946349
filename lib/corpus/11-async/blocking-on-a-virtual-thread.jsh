// kind: correct
// about: the blocking semaphore loop, moved off the caller onto a virtual thread of its own
// ==== cell 11-async-4
class BoundedFetcher implements Fetcher {
    public CompletableFuture<List<Fetched>> fetchAll(HttpClient client, List<URI> uris, int maxInFlight, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            Semaphore permits = new Semaphore(maxInFlight);
            List<CompletableFuture<Fetched>> futures = new ArrayList<>();
            for (URI uri : uris) {
                permits.acquireUninterruptibly(); // blocks this virtual thread, not the caller
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
                futures.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> permits.release())
                        .handle((r, e) -> e != null ? Fetched.failed(uri, e.toString())
                                : r.statusCode() != 200 ? Fetched.failed(uri, "HTTP " + r.statusCode())
                                : Fetched.ok(uri, r.body())));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        }, task -> Thread.ofVirtual().name("fetch-all").start(task));
    }
}
