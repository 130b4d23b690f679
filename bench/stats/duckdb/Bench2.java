import java.sql.*;
import java.util.*;
import java.util.concurrent.*;

public class Bench2 {
    public static void main(String[] a) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        Properties p = new Properties();
        p.setProperty("memory_limit", "512MB");
        p.setProperty("threads", "2");
        String url = "jdbc:duckdb:" + System.getProperty("duck.dir", "/tmp") + "/cube.duckdb";
        if (a.length > 0 && a[0].equals("gen")) {
            try (Connection c = DriverManager.getConnection(url, p)) {
                Statement s = c.createStatement();
                long t0 = System.nanoTime();
                // a national snapshot of ~1M full-vector cells per year, 14 years
                s.execute("create or replace table snap as select y::smallint as year, (i % 83)::smallint as l2, (i % 34)::tinyint as province, (i % 4)::tinyint as ownership, (i*7 % 21)::tinyint as industry, (case when i % 4 = 2 then i*13 % 40 else 0 end)::tinyint as country, (i*3 % 5)::tinyint as size, (i % 2)::tinyint as gender, (1950 + i*11 % 55)::smallint as birth_year, (10 + i % 50)::int as members from range(0, 1000000) t(i), range(2013, 2027) u(y) order by year");
                // 17M events over 9 years, sorted by day
                s.execute("create or replace table ev as select (17500 + (i*48271) % 3300)::int as day, (case when i % 10 = 0 then -1 else 1 end)::tinyint as sign, (i % 83)::smallint as l2, (i % 34)::tinyint as province, (i % 4)::tinyint as ownership, (i*7 % 21)::tinyint as industry, (case when i % 4 = 2 then i*13 % 40 else 0 end)::tinyint as country, (i*3 % 5)::tinyint as size, (i % 2)::tinyint as gender, (i*16807 % 20000)::int as birth_day from range(0, 17000000) t(i) order by day");
                System.out.println("gen " + (System.nanoTime() - t0) / 1e9 + " s");
            }
            return;
        }
        // d = 2025-06-17 = day 20256; year snapshot 2024 (end), events in (20088, 20256]
        String[] qs = {
            "select industry, sum(m) from (select industry, members as m from snap where year = 2024 union all select industry, sign from ev where day > 20088 and day <= 20256) group by 1",
            "select gender, industry, sum(m) from (select gender, industry, members as m from snap where year = 2024 union all select gender, industry, sign from ev where day > 20088 and day <= 20256) group by 1, 2",
            "select industry, sum(m) from (select industry, members as m from snap where year = 2024 and l2 = 7 union all select industry, sign from ev where day > 20088 and day <= 20256 and l2 = 7) group by 1",
        };
        for (int qi = 0; qi < qs.length; qi++) {
            String q = qs[qi];
            for (int threads : new int[] {1, 8}) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Long> times = Collections.synchronizedList(new ArrayList<>());
                List<Future<?>> fs = new ArrayList<>();
                Connection shared = DriverManager.getConnection(url, p);
                for (int t = 0; t < threads; t++) {
                    fs.add(pool.submit(() -> {
                        try (Connection c = ((org.duckdb.DuckDBConnection) shared).duplicate()) {
                            for (int i = 0; i < 30; i++) {
                                long t0 = System.nanoTime();
                                try (ResultSet rs = c.createStatement().executeQuery(q)) { while (rs.next()) { } }
                                times.add(System.nanoTime() - t0);
                            }
                        } catch (Exception e) { throw new RuntimeException(e); }
                        return null;
                    }));
                }
                for (Future<?> f : fs) f.get();
                pool.shutdown(); shared.close();
                List<Long> sorted = new ArrayList<>(times); Collections.sort(sorted);
                System.out.printf("q%d threads=%d median=%.1fms p99=%.1fms%n", qi, threads,
                    sorted.get(sorted.size()/2)/1e6, sorted.get((int)(sorted.size()*0.99))/1e6);
            }
        }
    }
}
