// kind: bug
// bug_class: failure path (a failed request ends its lane, the rest are never sent)
// expect_fail: failureAtItsPosition
// may_fail: perRequestTimeout
// feedback: failed the whole batch
// about: throws on a status other than 200 and chains the next send with thenCompose only on success
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
                        .thenApply(response -> {
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("HTTP " + response.statusCode());
                            }
                            return results[i] = Fetched.ok(uri, response.body());
                        })
                        .thenCompose(done -> sendNext()); // this lane is free again: send the next URL
            }
        }
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(maxInFlight, uris.size()); lane++) {
            lanes.add(new Lane().sendNext());
        }
        return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
                .thenApply(done -> Arrays.asList(results));
    }
}
