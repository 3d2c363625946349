// kind: bug
// bug_class: sequential instead of concurrent (counted in this JVM, no worker process)
// expect_fail: usesWorkerProcesses
// feedback: no worker processes
// about: right numbers, but all the counting runs in the parent
// ==== cell 09-processes-6
class ProcessWordCounter implements WordCounter {
    public Map<String, Long> count(List<Path> files, int workers) throws Exception {
        Map<String, Long> total = new TreeMap<>();
        for (Path file : files) {
            String text = Files.readString(file);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : ' ';
                if (Character.isLetter(c)) {
                    word.append(c);
                } else if (!word.isEmpty()) {
                    total.merge(word.toString().toLowerCase(Locale.ROOT), 1L, Long::sum);
                    word.setLength(0);
                }
            }
        }
        return total;
    }
}
