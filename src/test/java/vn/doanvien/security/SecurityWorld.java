package vn.doanvien.security;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import vn.doanvien.TestData;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;

/**
 * Two sibling provinces under one confederation, each with an upper-level union, an enterprise with a grassroots
 * union and a member; an officer of province A, an analyst, and a member account for A's member. Fresh names
 * every time, so tests never collide.
 */
@ApplicationScoped
public class SecurityWorld {

    static final String PASSWORD = "a-long-test-password";

    private final TestData data;
    private final AccountService accounts;

    SecurityWorld(TestData data, AccountService accounts) {
        this.data = data;
        this.accounts = accounts;
    }

    /** The rows and tokens of one world. */
    public static final class World {
        public Unit root;
        public Unit provinceA;
        public Unit upperA;
        public Unit provinceB;
        public Unit upperB;
        public Enterprise enterpriseA;
        public Enterprise enterpriseB;
        public GrassrootsUnion unionA;
        public GrassrootsUnion unionB;
        public Member memberA;
        public Member memberB;
        public String officerA;
        public String analyst;
        public String memberUser;
        public String officerAName;

        public RequestSpecification as(String token) {
            return given().header("Authorization", "Bearer " + token);
        }

        public static RequestSpecification anonymous() {
            return given().header(TestAuthentication.ANONYMOUS, "true");
        }
    }

    public AccountService accounts() {
        return accounts;
    }

    public World create() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        World w = new World();
        Unit[] a = data.chain();
        w.root = a[0];
        w.provinceA = a[1];
        w.upperA = a[2];
        w.provinceB = data.unit(vn.doanvien.organisation.UnitKind.PROVINCIAL_FEDERATION, w.root.id, from);
        w.upperB = data.unit(vn.doanvien.organisation.UnitKind.UPPER_LEVEL_UNION, w.provinceB.id, from);
        w.enterpriseA = data.enterprise(w.upperA.id, 300);
        w.enterpriseB = data.enterprise(w.upperB.id, 300);
        w.unionA = data.grassrootsUnion(w.upperA.id, w.enterpriseA.id, from);
        w.unionB = data.grassrootsUnion(w.upperB.id, w.enterpriseB.id, from);
        w.memberA = data.member(w.unionA.id, "Nguyễn Văn A", LocalDate.of(2021, 1, 1));
        w.memberB = data.member(w.unionB.id, "Trần Thị B", LocalDate.of(2021, 1, 1));
        w.officerAName = TestData.unique("officer").toLowerCase();
        String analystName = TestData.unique("analyst").toLowerCase();
        String memberName = TestData.unique("member").toLowerCase();
        accounts.createUser(w.officerAName, PASSWORD, Roles.OFFICER, w.provinceA.id, null);
        accounts.createUser(analystName, PASSWORD, Roles.ANALYST, null, null);
        accounts.createUser(memberName, PASSWORD, Roles.MEMBER, null, w.memberA.id);
        w.officerA = TestAuthentication.login(w.officerAName, PASSWORD);
        w.analyst = TestAuthentication.login(analystName, PASSWORD);
        w.memberUser = TestAuthentication.login(memberName, PASSWORD);
        return w;
    }
}
