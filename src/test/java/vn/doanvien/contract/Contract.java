package vn.doanvien.contract;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Helpers for tests that talk to the API under the contract checks of {@link ContractFilter}. */
public final class Contract {

    private Contract() {
    }

    /**
     * A request that breaks the contract on purpose (a hostile or malformed body): the request is not checked
     * against the document, the response still is.
     */
    public static RequestSpecification invalidRequest() {
        return given().header(ContractFilter.INVALID_REQUEST, "true");
    }
}
