// kind: correct
// about: windows of maxInFlight requests, each window sent when the previous one is all in (thenCompose)
// ==== cell 11-async-4
class BoundedFetcher implements Fetcher {
    public CompletableFuture<List<Fetched>> fetchAll(HttpClient client, List<URI> uris, int maxInFlight, Duration timeout) {
        CompletableFuture<List<Fetched>> done = CompletableFuture.completedFuture(new ArrayList<>());
        for (int from = 0; from < uris.size(); from += maxInFlight) {
            List<URI> window = uris.subList(from, Math.min(uris.size(), from + maxInFlight));
            done = done.thenCompose(sofar -> {
                List<CompletableFuture<Fetched>> sent = window.stream().map(uri -> client
                        .sendAsync(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> r.statusCode() == 200 ? Fetched.ok(uri, r.body()) : Fetched.failed(uri, "HTTP " + r.statusCode()))
                        .exceptionally(e -> Fetched.failed(uri, String.valueOf(e.getCause() != null ? e.getCause() : e))))
                        .toList();
                return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(v -> {
                    sent.forEach(f -> sofar.add(f.join()));
                    return sofar;
                });
            });
        }
        return done;
    }
}
