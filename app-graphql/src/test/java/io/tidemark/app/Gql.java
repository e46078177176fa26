package io.tidemark.app;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** A minimal GraphQL client for tests. */
final class Gql {

    private Gql() {}

    /** Posts a document with a bearer token (none when null) and returns the raw response. */
    static ValidatableResponse post(String token, String document) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(Map.of("query", document));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/graphql").then();
    }

    /** Posts as admin and expects no errors. */
    static JsonPath admin(String document) {
        return ok(GitHubSimulatorResource.ADMIN_TOKEN, document);
    }

    static JsonPath ok(String token, String document) {
        JsonPath json = post(token, document).statusCode(200).extract().jsonPath();
        if (json.get("errors") != null) {
            throw new AssertionError("GraphQL errors: " + json.prettify());
        }
        return json;
    }

    /** Posts and returns the {@code extensions.code} of the first error. */
    static String errorCode(String token, String document) {
        JsonPath json = post(token, document).statusCode(200).extract().jsonPath();
        Object code = json.get("errors[0].extensions.code");
        if (code == null) {
            throw new AssertionError("expected an error with a code, got: " + json.prettify());
        }
        return code.toString();
    }
}
