package vn.doanvien.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import vn.doanvien.common.Languages;
import vn.doanvien.figures.Dimension;
import vn.doanvien.organisation.UnitRepository;

/**
 * Readable names of the values of a statistic's dimension: Vietnamese by default, English when the caller's
 * Accept-Language prefers it ({@code labels/labels_vi.properties}, {@code labels/labels_en.properties}). Provinces
 * are named after their federation, countries by the JDK's locale data; a value without a label keeps its code.
 */
@ApplicationScoped
public class Labels {

    /** The languages labels are written in. */
    public enum Language {
        VI, EN;

        /** English when the first language of Accept-Language that is Vietnamese or English is English. */
        public static Language of(HttpHeaders headers) {
            return Languages.preferred(headers == null ? null : headers.getRequestHeader(HttpHeaders.ACCEPT_LANGUAGE))
                    .filter("en"::equals).map(l -> EN).orElse(VI);
        }

        Locale locale() {
            return this == EN ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        }
    }

    private static final String PREFIX = "Liên đoàn Lao động ";

    private final Properties vi = Languages.texts("labels/labels_vi.properties");
    private final Properties en = Languages.texts("labels/labels_en.properties");
    private final UnitRepository units;

    Labels(UnitRepository units) {
        this.units = units;
    }

    /** A labeller for one answer (it reads the province names once). */
    public Labeller forAnswer(Dimension dimension, Language language) {
        if (dimension.isPair()) {
            // "Nữ · Dưới 25 tuổi": each part labelled as in its own dimension; a row that is not a pair (NOT_SPLIT)
            // as in the first
            Labeller first = forAnswer(dimension.first(), language);
            Labeller second = forAnswer(dimension.second(), language);
            return value -> {
                String[] parts = Dimension.parts(value);
                return parts.length == 1 ? first.label(value)
                        : first.label(parts[0]) + " · " + second.label(parts[1]);
            };
        }
        Map<String, String> provinces = dimension == Dimension.PROVINCE ? units.provincialFederationNames() : Map.of();
        Properties texts = language == Language.EN ? en : vi;
        return value -> {
            String shared = texts.getProperty(value);
            if (shared != null && (Dimension.NONE.equals(value) || value.equals("NO_ENTERPRISE")
                    || value.equals("UNKNOWN") || value.equals(StatsService.NOT_SPLIT))) {
                return shared;
            }
            String own = texts.getProperty(dimension.name() + "." + value);
            if (own != null) {
                return own;
            }
            if (dimension == Dimension.PROVINCE && provinces.containsKey(value)) {
                String name = provinces.get(value);
                return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
            }
            if ((dimension == Dimension.INVESTOR_COUNTRY || dimension == Dimension.NATIONALITY)
                    && value.length() == 2) {
                String country = new Locale("", value).getDisplayCountry(language.locale());
                return country.isEmpty() || country.equals(value) ? value : country;
            }
            return value;
        };
    }

    /** The label of a value. */
    @FunctionalInterface
    public interface Labeller {
        String label(String value);
    }
}
