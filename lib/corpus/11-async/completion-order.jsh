// kind: bug
// bug_class: order violation (results added in completion order)
// expect_fail: keepsOrder
// feedback: order not kept
// about: each lane appends its result to a shared list as it arrives
// ==== cell 11-async-4
class BoundedFetcher implements Fetcher {
    public CompletableFuture<List<Fetched>> fetchAll(HttpClient client, List<URI> uris, int maxInFlight, Duration timeout) {
        List<Fetched> results = Collections.synchronizedList(new ArrayList<>());
        Iterator<URI> pending = uris.iterator();
        class Lane {
            CompletableFuture<Void> sendNext() {
                URI uri;
                synchronized (pending) {
                    if (!pending.hasNext()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    uri = pending.next();
                }
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
                return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .handle((response, error) -> results.add(error != null ? Fetched.failed(uri, error.toString())
                                : response.statusCode() != 200 ? Fetched.failed(uri, "HTTP " + response.statusCode())
                                : Fetched.ok(uri, response.body())))
                        .thenCompose(added -> sendNext());
            }
        }
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(maxInFlight, uris.size()); lane++) {
            lanes.add(new Lane().sendNext());
        }
        return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).thenApply(done -> List.copyOf(results));
    }
}
