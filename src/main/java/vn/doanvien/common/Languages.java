package vn.doanvien.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The two languages the API writes for people, Vietnamese and English: which one an Accept-Language header prefers,
 * and the texts of each from a UTF-8 properties file. One reading of the header for problems and labels alike.
 */
public final class Languages {

    private Languages() {
    }

    /**
     * "vi" or "en", whichever of the two comes first in the Accept-Language headers by quality (ranges with q=0 are
     * refused, not wanted); empty when neither is named.
     */
    public static Optional<String> preferred(List<String> acceptLanguageHeaders) {
        if (acceptLanguageHeaders == null) {
            return Optional.empty();
        }
        List<String[]> ranges = new ArrayList<>();
        for (String header : acceptLanguageHeaders) {
            for (String part : header.split(",")) {
                String[] tagAndParams = part.trim().split(";");
                double q = 1;
                for (int i = 1; i < tagAndParams.length; i++) {
                    String param = tagAndParams[i].trim();
                    if (param.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(param.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                ranges.add(new String[] {tagAndParams[0].trim().toLowerCase(Locale.ROOT), Double.toString(q)});
            }
        }
        ranges.sort((a, b) -> Double.compare(Double.parseDouble(b[1]), Double.parseDouble(a[1])));
        for (String[] r : ranges) {
            if (Double.parseDouble(r[1]) <= 0) {
                continue;
            }
            for (String language : new String[] {"vi", "en"}) {
                if (r[0].equals(language) || r[0].startsWith(language + "-")) {
                    return Optional.of(language);
                }
            }
        }
        return Optional.empty();
    }

    /** A UTF-8 properties file from the class path; missing is a startup error. */
    public static Properties texts(String resource) {
        Properties p = new Properties();
        try (InputStream in = Languages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
