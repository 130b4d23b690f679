package vn.doanvien.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * The fixed vocabulary of the demo registry: the 34 provinces of 1 July 2025 and the 63 before them, places,
 * industrial zones, sectoral bodies and the names people and companies are given.
 */
final class DemoCatalog {

    private DemoCatalog() {
    }

    /** A province of 1 July 2025; {@code city} for the six centrally-run cities. */
    record Province(String code, String name, boolean city, int enterprises, double fdiShare,
                    List<String> districts, List<String> wards) {

        /** "tỉnh Nghệ An", "thành phố Hà Nội", "Thành phố Hồ Chí Minh". */
        String label() {
            return label(name, city);
        }

        static String label(String name, boolean city) {
            if (name.startsWith("Thành phố")) {
                return name;
            }
            return (city ? "thành phố " : "tỉnh ") + name;
        }
    }

    /** A province of before 1 July 2025, merged into (or continued as) {@code newCode}. */
    record OldProvince(String code, String name, boolean city, String newCode, LocalDate validFrom) {

        String label() {
            return Province.label(name, city);
        }
    }

    /** An industrial-zone union that existed before the reform under the federation of {@code oldCode}. */
    record ZoneUnion(String newCode, String oldCode, String name, LocalDate validFrom, List<String> zones) {
    }

    /** An upper-level union under a national sectoral union, with its grassroots bodies. */
    record SectoralChild(String sectoralCode, String code, String name, String category, LocalDate validFrom,
                         List<SectoralGrassroots> grassroots) {
    }

    /**
     * A grassroots union under a sectoral child; with a {@code taxCode} it sits in an enterprise (state-owned),
     * otherwise in a public body.
     */
    record SectoralGrassroots(String name, String taxCode, String industry, String provinceCode, int workforce) {
    }

    static final LocalDate DEFAULT_OLD_FROM = LocalDate.of(1997, 1, 1);

    // Districts carry "@<old province code>": the pre-reform federation they belonged to. Ward i lies in district i
    // and took over its grassroots unions on 1 July 2025; wards beyond the districts listed are new ground.
    static final List<Province> PROVINCES = List.of(
            new Province("01", "Hà Nội", true, 70, 0.30,
                    List.of("quận Cầu Giấy@01", "huyện Đông Anh@01"),
                    List.of("phường Cầu Giấy", "xã Đông Anh", "phường Hoàn Kiếm")),
            new Province("04", "Cao Bằng", false, 3, 0.0,
                    List.of("huyện Trùng Khánh@04"),
                    List.of("xã Trùng Khánh", "phường Thục Phán")),
            new Province("08", "Tuyên Quang", false, 6, 0.05,
                    List.of("thành phố Tuyên Quang@08", "thành phố Hà Giang@02"),
                    List.of("phường Minh Xuân", "phường Hà Giang 1")),
            new Province("11", "Điện Biên", false, 3, 0.0,
                    List.of("huyện Mường Ảng@11"),
                    List.of("xã Mường Ảng", "phường Điện Biên Phủ")),
            new Province("12", "Lai Châu", false, 3, 0.0,
                    List.of("huyện Tam Đường@12"),
                    List.of("xã Tam Đường", "phường Tân Phong")),
            new Province("14", "Sơn La", false, 4, 0.0,
                    List.of("huyện Mai Sơn@14"),
                    List.of("xã Mai Sơn", "phường Tô Hiệu")),
            new Province("15", "Lào Cai", false, 8, 0.15,
                    List.of("huyện Văn Yên@15", "huyện Bảo Thắng@10"),
                    List.of("xã Mậu A", "xã Bảo Thắng", "phường Cam Đường")),
            new Province("19", "Thái Nguyên", false, 40, 0.60,
                    List.of("thành phố Phổ Yên@19", "thành phố Bắc Kạn@06"),
                    List.of("phường Phổ Yên", "phường Bắc Kạn", "phường Phan Đình Phùng")),
            new Province("20", "Lạng Sơn", false, 5, 0.10,
                    List.of("huyện Cao Lộc@20"),
                    List.of("xã Cao Lộc", "phường Đông Kinh")),
            new Province("22", "Quảng Ninh", false, 15, 0.20,
                    List.of("thành phố Hạ Long@22"),
                    List.of("phường Hạ Long", "phường Bãi Cháy")),
            new Province("24", "Bắc Ninh", false, 70, 0.70,
                    List.of("huyện Yên Phong@27", "huyện Việt Yên@24"),
                    List.of("xã Yên Phong", "phường Việt Yên", "phường Kinh Bắc")),
            new Province("25", "Phú Thọ", false, 20, 0.35,
                    List.of("huyện Bình Xuyên@26", "huyện Lâm Thao@25"),
                    List.of("phường Bình Xuyên", "xã Lâm Thao", "phường Việt Trì")),
            new Province("31", "Hải Phòng", true, 50, 0.60,
                    List.of("quận Hồng Bàng@31", "huyện Cẩm Giàng@30"),
                    List.of("phường Hồng Bàng", "xã Cẩm Giàng", "phường Hải Dương")),
            new Province("33", "Hưng Yên", false, 30, 0.45,
                    List.of("huyện Văn Lâm@33", "huyện Tiền Hải@34"),
                    List.of("xã Như Quỳnh", "xã Tiền Hải", "phường Thái Bình")),
            new Province("37", "Ninh Bình", false, 12, 0.15,
                    List.of("huyện Gia Viễn@37", "huyện Ý Yên@36"),
                    List.of("xã Gia Viễn", "xã Ý Yên", "phường Nam Định")),
            new Province("38", "Thanh Hóa", false, 15, 0.15,
                    List.of("thị xã Nghi Sơn@38"),
                    List.of("phường Nghi Sơn", "phường Hạc Thành")),
            new Province("40", "Nghệ An", false, 15, 0.15,
                    List.of("huyện Nghi Lộc@40"),
                    List.of("xã Nghi Lộc", "phường Trường Vinh")),
            new Province("42", "Hà Tĩnh", false, 8, 0.10,
                    List.of("huyện Kỳ Anh@42"),
                    List.of("xã Kỳ Anh", "phường Thành Sen")),
            new Province("44", "Quảng Trị", false, 6, 0.05,
                    List.of("thành phố Đồng Hới@44", "thành phố Đông Hà@45"),
                    List.of("phường Đồng Hới", "phường Đông Hà")),
            new Province("46", "Huế", true, 8, 0.10,
                    List.of("huyện Phú Vang@46"),
                    List.of("xã Phú Vang", "phường Thuận Hóa")),
            new Province("48", "Đà Nẵng", true, 20, 0.25,
                    List.of("quận Hải Châu@48", "thị xã Điện Bàn@49"),
                    List.of("phường Hải Châu", "phường Điện Bàn", "phường Hội An")),
            new Province("51", "Quảng Ngãi", false, 8, 0.10,
                    List.of("thành phố Quảng Ngãi@51", "thành phố Kon Tum@62"),
                    List.of("phường Cẩm Thành", "phường Kon Tum")),
            new Province("52", "Gia Lai", false, 8, 0.05,
                    List.of("thành phố Quy Nhơn@52", "thành phố Pleiku@64"),
                    List.of("phường Quy Nhơn", "phường Pleiku")),
            new Province("56", "Khánh Hòa", false, 10, 0.15,
                    List.of("thành phố Nha Trang@56", "thành phố Phan Rang - Tháp Chàm@58"),
                    List.of("phường Nha Trang", "phường Phan Rang")),
            new Province("66", "Đắk Lắk", false, 8, 0.05,
                    List.of("thành phố Buôn Ma Thuột@66", "thành phố Tuy Hòa@54"),
                    List.of("phường Buôn Ma Thuột", "phường Tuy Hòa")),
            new Province("68", "Lâm Đồng", false, 8, 0.10,
                    List.of("thành phố Đà Lạt@68", "thành phố Phan Thiết@60"),
                    List.of("phường Xuân Hương - Đà Lạt", "phường Phan Thiết")),
            new Province("75", "Đồng Nai", false, 55, 0.65,
                    List.of("huyện Trảng Bom@75", "huyện Đồng Phú@70"),
                    List.of("xã Trảng Bom", "xã Đồng Phú", "phường Trấn Biên")),
            new Province("79", "Thành phố Hồ Chí Minh", true, 110, 0.55,
                    List.of("quận 1@79", "thành phố Thủ Dầu Một@74"),
                    List.of("phường Bến Thành", "phường Thủ Dầu Một", "phường Sài Gòn")),
            new Province("80", "Tây Ninh", false, 30, 0.45,
                    List.of("thị xã Trảng Bàng@72", "huyện Đức Hòa@80"),
                    List.of("phường Trảng Bàng", "xã Đức Hòa", "phường Tân Ninh")),
            new Province("82", "Đồng Tháp", false, 8, 0.10,
                    List.of("thành phố Mỹ Tho@82", "thành phố Cao Lãnh@87"),
                    List.of("phường Mỹ Tho", "phường Cao Lãnh")),
            new Province("86", "Vĩnh Long", false, 8, 0.10,
                    List.of("thành phố Vĩnh Long@86", "thành phố Bến Tre@83"),
                    List.of("phường Long Châu", "phường An Hội")),
            new Province("92", "Cần Thơ", true, 12, 0.15,
                    List.of("quận Ninh Kiều@92", "thành phố Vị Thanh@93"),
                    List.of("phường Ninh Kiều", "phường Vị Thanh")),
            new Province("91", "An Giang", false, 8, 0.10,
                    List.of("thành phố Long Xuyên@89", "thành phố Rạch Giá@91"),
                    List.of("phường Long Xuyên", "phường Rạch Giá")),
            new Province("96", "Cà Mau", false, 6, 0.05,
                    List.of("thành phố Cà Mau@96", "thành phố Bạc Liêu@95"),
                    List.of("phường An Xuyên", "phường Bạc Liêu")));

    private static OldProvince old(String code, String name, String newCode) {
        return new OldProvince(code, name, false, newCode, DEFAULT_OLD_FROM);
    }

    private static OldProvince old(String code, String name, String newCode, LocalDate validFrom) {
        return new OldProvince(code, name, false, newCode, validFrom);
    }

    private static OldProvince city(String code, String name, String newCode, LocalDate validFrom) {
        return new OldProvince(code, name, true, newCode, validFrom);
    }

    private static final LocalDate Y2004 = LocalDate.of(2004, 1, 1);

    /** The 63 provinces merged on 1 July 2025 into the 34 above. */
    static final List<OldProvince> OLD_PROVINCES = List.of(
            city("01", "Hà Nội", "01", LocalDate.of(2008, 8, 1)),
            old("02", "Hà Giang", "08"), old("04", "Cao Bằng", "04"), old("06", "Bắc Kạn", "19"),
            old("08", "Tuyên Quang", "08"), old("10", "Lào Cai", "15"), old("11", "Điện Biên", "11", Y2004),
            old("12", "Lai Châu", "12", Y2004), old("14", "Sơn La", "14"), old("15", "Yên Bái", "15"),
            old("17", "Hòa Bình", "25"), old("19", "Thái Nguyên", "19"), old("20", "Lạng Sơn", "20"),
            old("22", "Quảng Ninh", "22"), old("24", "Bắc Giang", "24"), old("25", "Phú Thọ", "25"),
            old("26", "Vĩnh Phúc", "25"), old("27", "Bắc Ninh", "24"), old("30", "Hải Dương", "31"),
            city("31", "Hải Phòng", "31", DEFAULT_OLD_FROM), old("33", "Hưng Yên", "33"),
            old("34", "Thái Bình", "33"), old("35", "Hà Nam", "37"), old("36", "Nam Định", "37"),
            old("37", "Ninh Bình", "37"), old("38", "Thanh Hóa", "38"), old("40", "Nghệ An", "40"),
            old("42", "Hà Tĩnh", "42"), old("44", "Quảng Bình", "44"), old("45", "Quảng Trị", "44"),
            old("46", "Thừa Thiên Huế", "46"), city("48", "Đà Nẵng", "48", DEFAULT_OLD_FROM),
            old("49", "Quảng Nam", "48"), old("51", "Quảng Ngãi", "51"), old("52", "Bình Định", "52"),
            old("54", "Phú Yên", "66"), old("56", "Khánh Hòa", "56"), old("58", "Ninh Thuận", "56"),
            old("60", "Bình Thuận", "68"), old("62", "Kon Tum", "51"), old("64", "Gia Lai", "52"),
            old("66", "Đắk Lắk", "66"), old("67", "Đắk Nông", "68", Y2004), old("68", "Lâm Đồng", "68"),
            old("70", "Bình Phước", "75"), old("72", "Tây Ninh", "80"), old("74", "Bình Dương", "79"),
            old("75", "Đồng Nai", "75"), old("77", "Bà Rịa - Vũng Tàu", "79"),
            city("79", "Thành phố Hồ Chí Minh", "79", DEFAULT_OLD_FROM), old("80", "Long An", "80"),
            old("82", "Tiền Giang", "82"), old("83", "Bến Tre", "86"), old("84", "Trà Vinh", "86"),
            old("86", "Vĩnh Long", "86"), old("87", "Đồng Tháp", "82"), old("89", "An Giang", "91"),
            old("91", "Kiên Giang", "91"), city("92", "Cần Thơ", "92", Y2004), old("93", "Hậu Giang", "92", Y2004),
            old("94", "Sóc Trăng", "92"), old("95", "Bạc Liêu", "96"), old("96", "Cà Mau", "96"));

    static final List<ZoneUnion> ZONE_UNIONS = List.of(
            new ZoneUnion("24", "27", "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh", LocalDate.of(2004, 6, 1),
                    List.of("Yên Phong", "Quế Võ", "VSIP Bắc Ninh", "Tiên Sơn")),
            new ZoneUnion("24", "24", "Công đoàn các Khu công nghiệp tỉnh Bắc Giang", LocalDate.of(2008, 3, 1),
                    List.of("Đình Trám", "Quang Châu", "Vân Trung")),
            new ZoneUnion("79", "79", "Công đoàn các Khu chế xuất và công nghiệp Thành phố Hồ Chí Minh",
                    LocalDate.of(1997, 6, 1), List.of("Khu chế xuất Tân Thuận", "Hiệp Phước", "Tân Tạo")),
            new ZoneUnion("79", "74", "Công đoàn các Khu công nghiệp tỉnh Bình Dương", LocalDate.of(2000, 5, 1),
                    List.of("VSIP I", "Mỹ Phước", "Sóng Thần")),
            new ZoneUnion("75", "75", "Công đoàn các Khu công nghiệp tỉnh Đồng Nai", LocalDate.of(1998, 9, 1),
                    List.of("Amata", "Biên Hòa 2", "Nhơn Trạch 3", "Long Thành")),
            new ZoneUnion("31", "31", "Công đoàn các Khu công nghiệp và Khu kinh tế thành phố Hải Phòng",
                    LocalDate.of(2003, 1, 1), List.of("Đình Vũ", "Tràng Duệ", "VSIP Hải Phòng")),
            new ZoneUnion("33", "33", "Công đoàn các Khu công nghiệp tỉnh Hưng Yên", LocalDate.of(2006, 1, 1),
                    List.of("Phố Nối A", "Thăng Long II")),
            new ZoneUnion("19", "19", "Công đoàn các Khu công nghiệp tỉnh Thái Nguyên", LocalDate.of(2010, 1, 1),
                    List.of("Yên Bình", "Điềm Thụy", "Sông Công")),
            new ZoneUnion("80", "72", "Công đoàn các Khu công nghiệp tỉnh Tây Ninh", LocalDate.of(2005, 1, 1),
                    List.of("Phước Đông", "Trảng Bàng", "Thành Thành Công")));

    /** The national sectoral unions (level 2, no province): code, name, founded. */
    static final List<String[]> SECTORAL_UNIONS = List.of(
            new String[] {"CDN-GD", "Công đoàn Giáo dục Việt Nam", "1951-11-22"},
            new String[] {"CDN-DK", "Công đoàn Dầu khí Việt Nam", "1991-11-01"},
            new String[] {"CDN-VC", "Công đoàn Viên chức Việt Nam", "1991-06-01"});

    static final List<SectoralChild> SECTORAL_CHILDREN = List.of(
            new SectoralChild("CDN-DK", "TCT-PVN", "Công đoàn Tập đoàn Dầu khí Quốc gia Việt Nam", "CORPORATION",
                    LocalDate.of(2007, 1, 1), List.of(
                    new SectoralGrassroots("Tổng công ty Thăm dò Khai thác Dầu khí", "0101234561", "B", "01", 1200),
                    new SectoralGrassroots("Công ty TNHH MTV Lọc hóa dầu Bình Sơn", "4300378569", "C", "51", 1500),
                    new SectoralGrassroots("Công ty Cổ phần Phân bón Dầu khí Cà Mau", "2001012298", "C", "96", 900),
                    new SectoralGrassroots("Tổng công ty Dịch vụ Kỹ thuật Dầu khí Việt Nam", "0100150577", "H",
                            "79", 2600),
                    new SectoralGrassroots("Cơ quan Tập đoàn Dầu khí Quốc gia Việt Nam", null, null, "01", 450))),
            new SectoralChild("CDN-DK", "TCT-PVGAS", "Công đoàn Tổng công ty Khí Việt Nam", "CORPORATION",
                    LocalDate.of(2008, 1, 1), List.of(
                    new SectoralGrassroots("Tổng công ty Khí Việt Nam - Công ty Cổ phần", "3500102710", "B", "79", 700),
                    new SectoralGrassroots("Công ty Chế biến Khí Vũng Tàu", "3500102710-001", "C", "79", 600),
                    new SectoralGrassroots("Công ty Vận chuyển Khí Đông Nam Bộ", "3500102710-002", "H", "79", 400))),
            new SectoralChild("CDN-DK", "TCT-PVOIL", "Công đoàn Tổng công ty Dầu Việt Nam", "CORPORATION",
                    LocalDate.of(2008, 6, 1), List.of(
                    new SectoralGrassroots("Tổng công ty Dầu Việt Nam - Công ty Cổ phần", "0305795054", "G", "79", 800),
                    new SectoralGrassroots("Công ty Xăng dầu Dầu khí Hà Nội", "0305795054-001", "G", "01", 300))),
            new SectoralChild("CDN-GD", "DHQG-HN", "Công đoàn Đại học Quốc gia Hà Nội", "OTHER",
                    LocalDate.of(1994, 2, 1), List.of(
                    new SectoralGrassroots("Trường Đại học Khoa học Tự nhiên", null, null, "01", 700),
                    new SectoralGrassroots("Trường Đại học Công nghệ", null, null, "01", 400),
                    new SectoralGrassroots("Trường Đại học Ngoại ngữ", null, null, "01", 450))),
            new SectoralChild("CDN-GD", "DHQG-HCM", "Công đoàn Đại học Quốc gia Thành phố Hồ Chí Minh", "OTHER",
                    LocalDate.of(1996, 1, 1), List.of(
                    new SectoralGrassroots("Trường Đại học Bách khoa", null, null, "79", 900),
                    new SectoralGrassroots("Trường Đại học Khoa học Xã hội và Nhân văn", null, null, "79", 500))),
            new SectoralChild("CDN-VC", "BO-TP", "Công đoàn Bộ Tư pháp", "OTHER",
                    LocalDate.of(1993, 1, 1), List.of(
                    new SectoralGrassroots("Cơ quan Bộ Tư pháp", null, null, "01", 600),
                    new SectoralGrassroots("Cục Quản lý Thi hành án dân sự", null, null, "01", 250))));

    static final List<String> SCHOOLS = List.of(
            "Trường THPT Chu Văn An", "Trường THPT Lê Quý Đôn", "Trường THPT Nguyễn Trãi", "Trường THPT Trần Phú",
            "Trường THCS Nguyễn Du", "Trường Tiểu học Kim Đồng", "Trường Mầm non Hoa Sen",
            "Trường THPT Phan Bội Châu", "Trường THPT Lương Thế Vinh", "Trường THCS Lý Tự Trọng",
            "Trường THPT Hùng Vương", "Trường Tiểu học Võ Thị Sáu");

    // Enterprise vocabulary.
    static final String[] FDI_COUNTRIES = {"KR", "JP", "CN", "TW", "SG", "US", "DE", "HK", "TH"};
    static final int[] FDI_COUNTRY_WEIGHTS = {34, 18, 17, 12, 6, 4, 3, 4, 2};

    static List<String> brands(String country) {
        return switch (country) {
            case "KR" -> List.of("Hanvina", "Seowon Vina", "Daeyang", "Woosung Tech", "Jinhae", "Sungjin",
                    "Hanil Precision", "Dongil", "Youngwoo", "Bumjin", "Cheongwoo", "Hyunsan", "Namsung",
                    "Shinwon Ebenezer", "Kumyang", "Dasan Vina");
            case "JP" -> List.of("Nakamura", "Kyoei", "Hoshino", "Takumi", "Sanko", "Yamaguchi Seiki", "Minori",
                    "Kotobuki", "Ohashi", "Matsuo Denki", "Fujiseiko");
            case "CN" -> List.of("Jinlong", "Huada", "Xinyuan", "Tianli", "Hengtai", "Longsheng", "Kaida",
                    "Ruifeng", "Sunwoda Vina", "Goertek Tech");
            case "TW" -> List.of("Hsinchu Precision", "Taiyang", "Yuanfeng", "Chenghong", "Chingluh",
                    "Formosa Textile", "Kaofu");
            case "SG" -> List.of("Sinova", "Merlion", "Straits Pacific");
            case "US" -> List.of("Evergreen Components", "Pacific Apparel", "Summit Packaging");
            case "DE" -> List.of("Rheinwerk", "Bavaria Technik", "Kessler Automotive");
            case "HK" -> List.of("Kowloon Garment", "Victoria Harbour", "Goldwin Textile");
            default -> List.of("Siam Nova", "Chao Phraya Foods");
        };
    }

    static final List<String> DOMESTIC_BRANDS = List.of(
            "Sông Hồng", "Hoàng Long", "Bình Minh", "Phú Thành", "Đại Việt", "Thành Công", "An Phát", "Minh Long",
            "Trường Sơn", "Hồng Hà", "Tân Tiến", "Phương Nam", "Đông Á", "Sao Mai", "Hưng Thịnh", "Kim Long",
            "Nam Việt", "Bắc Hà", "Hải Âu", "Tiến Thành", "Quang Minh", "Thái Bình Dương", "Hòa Bình", "Việt Hưng",
            "Thăng Long", "Cửu Long", "Tây Nguyên", "Hà Thành", "Phú Gia", "Lạc Hồng", "Hương Sen", "Ngọc Châu",
            "Đức Thịnh", "Thiên Phú", "Gia Bảo", "Tân Phát", "Hợp Nhất", "Vạn Xuân", "Trí Việt", "Đồng Tâm");

    /** Activity words by VSIC section letter, for domestic companies. */
    static List<String> activities(String industry) {
        return switch (industry) {
            case "C" -> List.of("May", "Dệt may", "Giày da", "Cơ khí", "Thực phẩm", "Nhựa", "Bao bì", "Chế biến gỗ",
                    "Điện tử", "Dược phẩm", "Thép", "Vật liệu xây dựng", "Thủy sản");
            case "F" -> List.of("Xây dựng", "Đầu tư Xây dựng", "Xây lắp");
            case "G" -> List.of("Thương mại", "Thương mại và Dịch vụ", "Phân phối");
            case "H" -> List.of("Vận tải", "Logistics", "Vận tải biển", "Giao nhận");
            case "I" -> List.of("Du lịch", "Khách sạn", "Dịch vụ Ăn uống");
            case "J" -> List.of("Công nghệ Thông tin", "Phần mềm", "Truyền thông");
            case "K" -> List.of("Chứng khoán", "Tài chính", "Bảo hiểm");
            case "P" -> List.of("Giáo dục", "Đào tạo Nghề");
            case "Q" -> List.of("Bệnh viện Đa khoa", "Y tế");
            default -> List.of("Dịch vụ");
        };
    }

    /** Activity words for foreign-invested companies. */
    static List<String> fdiActivities(String industry) {
        return switch (industry) {
            case "C" -> List.of("Điện tử", "Linh kiện Điện tử", "May mặc", "Giày", "Cơ khí Chính xác", "Công nghệ",
                    "Nhựa", "Vật liệu", "Thực phẩm", "Dệt", "Ô tô", "Quang học");
            case "G" -> List.of("Thương mại");
            case "H" -> List.of("Logistics");
            case "J" -> List.of("Phần mềm");
            case "I" -> List.of("Khách sạn");
            default -> List.of("Dịch vụ");
        };
    }

    // People.
    static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    static final int[] SURNAME_WEIGHTS = {380, 110, 95, 70, 31, 20, 45, 20, 19, 21, 20, 14, 13, 13, 10, 5};

    static final String[] MALE_MIDDLE = {"Văn", "Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Công",
            "Xuân", "Tiến", "Ngọc", "Anh", "Trọng"};
    static final String[] FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc",
            "Kim", "Thanh", "Minh", "Thùy", "Phương", "Hồng", "Thúy", "Bích"};
    static final String[] MALE_GIVEN = {"An", "Bình", "Cường", "Dũng", "Hùng", "Nam", "Quân", "Tuấn", "Việt",
            "Hải", "Long", "Sơn", "Thắng", "Hiếu", "Khánh", "Phong", "Trung", "Huy", "Đạt", "Tài", "Hoàng", "Kiên",
            "Mạnh", "Thành", "Tùng", "Vinh", "Duy", "Lâm"};
    static final String[] FEMALE_GIVEN = {"Hà", "Hạnh", "Hoa", "Lan", "Linh", "Mai", "Phương", "Thảo", "Trang",
            "Yến", "Hương", "Nhung", "Hằng", "Vân", "Thủy", "Giang", "Nga", "Oanh", "Uyên", "Anh", "Ngân", "Huyền",
            "Loan", "Dung", "Tâm", "Quyên"};

    /** Foreign members: nationality, gender (M/F), name. */
    static final List<String[]> FOREIGNERS = List.of(
            new String[] {"KR", "M", "Kim Min-jun"}, new String[] {"KR", "M", "Park Ji-hoon"},
            new String[] {"KR", "F", "Lee Seo-yeon"}, new String[] {"KR", "M", "Choi Dong-hyun"},
            new String[] {"JP", "M", "Tanaka Hiroshi"}, new String[] {"JP", "F", "Suzuki Yuki"},
            new String[] {"JP", "M", "Sato Kenji"}, new String[] {"CN", "M", "Wang Wei"},
            new String[] {"CN", "F", "Li Na"}, new String[] {"CN", "M", "Zhang Lei"});

    static final String[] LEAVE_REASONS = {"Nghỉ việc", "Nghỉ việc", "Chuyển công tác", "Hết hạn hợp đồng lao động",
            "Chấm dứt hợp đồng lao động", "Xin ra khỏi tổ chức công đoàn"};
}
