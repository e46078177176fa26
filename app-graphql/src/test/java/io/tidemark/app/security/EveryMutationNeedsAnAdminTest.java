package io.tidemark.app.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tidemark.app.GitHubSimulatorResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Admin-only by declaration: every mutation of the served schema, read from {@code
 * /graphql/schema.graphql} so that a mutation added later is covered without editing this test,
 * is refused to a viewer token with {@code FORBIDDEN}, and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class EveryMutationNeedsAnAdminTest {

    @Test
    void aViewerIsForbiddenEveryMutationOfTheServedSchema() {
        TypeDefinitionRegistry schema = new SchemaParser().parse(
                given().auth().oauth2(GitHubSimulatorResource.VIEWER_TOKEN).get("/graphql/schema.graphql").then().statusCode(200).extract().asString());
        ObjectTypeDefinition mutation = schema.getType("Mutation", ObjectTypeDefinition.class).orElseThrow();
        List<FieldDefinition> mutations = mutation.getFieldDefinitions();
        assertThat(mutations).extracting(FieldDefinition::getName)
                .contains("trackRepository", "trackOwner", "untrackRepository", "syncRepository", "deleteRepositoryHistory");

        for (FieldDefinition field : mutations) {
            String document = "mutation { " + field.getName() + arguments(field, schema) + selection(field, schema) + " }";
            JsonPath answer = given().contentType(ContentType.JSON).auth().oauth2(GitHubSimulatorResource.VIEWER_TOKEN)
                    .body(Map.of("query", document)).post("/graphql").then().statusCode(200).extract().jsonPath();
            assertThat(answer.getString("errors[0].extensions.code")).as(document).isEqualTo("FORBIDDEN");
            assertThat(answer.getString("errors[0].message")).as(document).contains("admin");
        }
        JsonPath tracked = given().contentType(ContentType.JSON).auth().oauth2(GitHubSimulatorResource.VIEWER_TOKEN)
                .body(Map.of("query", "{ repositories { totalCount } }")).post("/graphql").then().extract().jsonPath();
        assertThat(tracked.getInt("data.repositories.totalCount")).as("nothing was tracked").isZero();
    }

    /** Arguments for every non-null parameter, valid in type and form. */
    private static String arguments(FieldDefinition field, TypeDefinitionRegistry schema) {
        List<String> given = field.getInputValueDefinitions().stream()
                .filter(argument -> argument.getType() instanceof NonNullType)
                .map(argument -> argument.getName() + ": " + valueOf(argument, schema))
                .toList();
        return given.isEmpty() ? "" : given.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private static String valueOf(InputValueDefinition argument, TypeDefinitionRegistry schema) {
        Type<?> type = ((NonNullType) argument.getType()).getType();
        if (type instanceof ListType) {
            return "[]";
        }
        String name = ((TypeName) type).getName();
        return switch (name) {
            case "Int" -> "1";
            case "Float" -> "1.0";
            case "Boolean" -> "true";
            case "Date" -> "\"2024-01-01\"";
            case "DateTime" -> "\"2024-01-01T00:00:00Z\"";
            case "String", "ID" -> "\"viewer-probe\"";
            default -> schema.getType(name, EnumTypeDefinition.class)
                    .map(e -> e.getEnumValueDefinitions().get(0).getName())
                    .orElseThrow(() -> new AssertionError("no sample value for type " + name + "; extend this test"));
        };
    }

    private static String selection(FieldDefinition field, TypeDefinitionRegistry schema) {
        Type<?> type = field.getType();
        while (!(type instanceof TypeName)) {
            type = type instanceof NonNullType nonNull ? nonNull.getType() : ((ListType) type).getType();
        }
        return schema.getType(((TypeName) type).getName(), ObjectTypeDefinition.class).isPresent() ? " { __typename }" : "";
    }
}
