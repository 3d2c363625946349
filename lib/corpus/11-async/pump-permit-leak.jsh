// kind: bug
// bug_class: permit leaked on the failure path (released only after a success)
// expect_fail: failureAtItsPosition
// may_fail: perRequestTimeout
// feedback: permit leak
// about: a non-blocking semaphore pump; a failed request keeps its permit, so after two failures nothing is sent
// ==== cell 11-async-4
class BoundedFetcher implements Fetcher {
    public CompletableFuture<List<Fetched>> fetchAll(HttpClient client, List<URI> uris, int maxInFlight, Duration timeout) {
        Semaphore permits = new Semaphore(maxInFlight);
        Queue<Integer> pending = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Fetched>> results = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            pending.add(i);
            results.add(new CompletableFuture<>());
        }
        class Pump {
            void run() {
                while (!pending.isEmpty() && permits.tryAcquire()) {
                    Integer i = pending.poll();
                    if (i == null) {
                        permits.release();
                        return;
                    }
                    URI uri = uris.get(i);
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        if (error != null) {
                            results.get(i).complete(Fetched.failed(uri, error.toString()));
                        } else if (response.statusCode() != 200) {
                            results.get(i).complete(Fetched.failed(uri, "HTTP " + response.statusCode()));
                        } else {
                            permits.release();
                            results.get(i).complete(Fetched.ok(uri, response.body()));
                        }
                        run();
                    });
                }
            }
        }
        new Pump().run();
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> results.stream().map(CompletableFuture::join).toList());
    }
}
