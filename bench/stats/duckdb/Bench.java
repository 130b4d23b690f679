import java.sql.*;
import java.util.*;
import java.util.concurrent.*;

public class Bench {
    public static void main(String[] a) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        Properties p = new Properties();
        p.setProperty("memory_limit", a.length > 1 ? a[1] : "512MB");
        p.setProperty("threads", "2");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + System.getProperty("duck.dir", "/tmp") + "/db.duckdb", p)) {
            Statement s = c.createStatement();
            if (a.length > 0 && a[0].equals("gen")) {
                long t0 = System.nanoTime();
                s.execute("create or replace table unions as select g::int as union_id, (g % 1226)::smallint as upper, ((g % 1226) % 83)::smallint as l2, (g % 34)::tinyint as province, (g % 4)::tinyint as ownership, (g*7 % 21)::tinyint as industry, (case when g % 4 = 2 then g*13 % 40 else 0 end)::tinyint as country, (g*3 % 5)::tinyint as size from range(1, 130001) t(g)");
                s.execute("create or replace table stay as select (1 + (i*104729) % 130000)::int as union_id, (17500 + (i*48271) % 3200)::int as start_day, (case when i % 100 < 8 then 20800 - (i*7 % 1000) else 2147483647 end)::int as end_day, (i % 2)::tinyint as gender, (i*16807 % 12000)::int as birth_day from range(0, 20000000) t(i) order by union_id");
                System.out.println("gen " + (System.nanoTime() - t0) / 1e9 + " s");
                return;
            }
        }
        String[] qs = {
            // national, grouped by industry, as of a day, full scan with join
            "select u.industry, count(*) from stay s join unions u using (union_id) where s.start_day <= 20700 and s.end_day > 20700 group by 1",
            // province, gender x age band
            "select s.gender, case when 20700 - birth_day < 9131 then 0 when 20700 - birth_day < 12784 then 1 else 2 end, count(*) from stay s join unions u using (union_id) where u.province = 7 and s.start_day <= 20700 and s.end_day > 20700 group by 1, 2",
            // upper-level
            "select s.gender, count(*) from stay s join unions u using (union_id) where u.upper = 77 and s.start_day <= 20700 and s.end_day > 20700 group by 1",
        };
        for (String q : qs) {
            for (int threads : new int[] {1, 8}) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Long> times = Collections.synchronizedList(new ArrayList<>());
                List<Future<?>> fs = new ArrayList<>();
                Properties pp = new Properties(); pp.setProperty("threads", "2"); pp.setProperty("memory_limit", "512MB");
                Connection shared = DriverManager.getConnection("jdbc:duckdb:" + System.getProperty("duck.dir", "/tmp") + "/db.duckdb", pp);
                for (int t = 0; t < threads; t++) {
                    fs.add(pool.submit(() -> {
                        try (Connection c = ((org.duckdb.DuckDBConnection) shared).duplicate()) {
                            for (int i = 0; i < 20; i++) {
                                long t0 = System.nanoTime();
                                try (ResultSet rs = c.createStatement().executeQuery(q)) { while (rs.next()) { } }
                                times.add(System.nanoTime() - t0);
                            }
                        } catch (Exception e) { throw new RuntimeException(e); }
                        return null;
                    }));
                }
                for (Future<?> f : fs) f.get();
                pool.shutdown();
                shared.close();
                List<Long> sorted = new ArrayList<>(times); Collections.sort(sorted);
                System.out.printf("q%d threads=%d median=%.1fms p99=%.1fms%n", Arrays.asList(qs).indexOf(q), threads,
                    sorted.get(sorted.size()/2)/1e6, sorted.get((int)(sorted.size()*0.99))/1e6);
            }
        }
    }
}
