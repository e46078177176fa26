package io.tidemark.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.ParserOptions;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served schema keeps everything in the public contract ({@code contract/schema.graphql}, a
 * copy of the shared contract): every type, field, argument, type reference with its nullability,
 * default value and enum value. It may add more.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubSimulatorResource.class, restrictToAnnotatedClass = true)
class SchemaContractTest {

    private TypeDefinitionRegistry contract;
    private TypeDefinitionRegistry served;

    @BeforeEach
    void load() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contract/schema.graphql")) {
            contract = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String schema = given().auth().oauth2(GitHubSimulatorResource.ADMIN_TOKEN)
                .get("/graphql/schema.graphql")
                .then().statusCode(200).extract().asString();
        served = parse(schema);
    }

    @Test
    void theServedSchemaKeepsEveryPartOfTheContract() {
        List<String> missing = new ArrayList<>();
        for (TypeDefinition<?> type : contract.types().values()) {
            Optional<TypeDefinition> servedType = served.getType(type.getName());
            if (servedType.isEmpty()) {
                missing.add("type " + type.getName());
                continue;
            }
            if (!servedType.get().getClass().equals(type.getClass())) {
                missing.add("type " + type.getName() + " is a " + servedType.get().getClass().getSimpleName());
                continue;
            }
            if (type instanceof ObjectTypeDefinition object) {
                compareFields(object, (ObjectTypeDefinition) servedType.get(), missing);
            } else if (type instanceof EnumTypeDefinition enumType) {
                List<String> values = ((EnumTypeDefinition) servedType.get()).getEnumValueDefinitions().stream()
                        .map(EnumValueDefinition::getName).toList();
                enumType.getEnumValueDefinitions().stream()
                        .filter(v -> !values.contains(v.getName()))
                        .forEach(v -> missing.add("enum value " + type.getName() + "." + v.getName()));
            }
        }
        for (ScalarTypeDefinition scalar : contract.scalars().values()) {
            if (!served.scalars().containsKey(scalar.getName())) {
                missing.add("scalar " + scalar.getName());
            }
        }
        assertThat(missing).as("parts of the contract the served schema drops or changes").isEmpty();
    }

    @Test
    void theCheckNoticesAChangedNullability() {
        TypeDefinitionRegistry changed = parse("""
                type Query { repository(owner: String, name: String!): Repository }
                type Repository { owner: String }
                """);
        List<String> missing = new ArrayList<>();
        compareFields(
                (ObjectTypeDefinition) contract.getType("Query").orElseThrow(),
                (ObjectTypeDefinition) changed.getType("Query").orElseThrow(),
                missing);
        compareFields(
                (ObjectTypeDefinition) contract.getType("Repository").orElseThrow(),
                (ObjectTypeDefinition) changed.getType("Repository").orElseThrow(),
                missing);
        assertThat(missing).contains(
                "argument Query.repository(owner): String! became String",
                "field Repository.owner: String! became String",
                "field Repository.name");
    }

    private static void compareFields(ObjectTypeDefinition expected, ObjectTypeDefinition actual, List<String> missing) {
        Map<String, FieldDefinition> fields = byName(actual.getFieldDefinitions(), FieldDefinition::getName);
        for (FieldDefinition field : expected.getFieldDefinitions()) {
            String where = expected.getName() + "." + field.getName();
            FieldDefinition servedField = fields.get(field.getName());
            if (servedField == null) {
                missing.add("field " + where);
                continue;
            }
            String type = TypeText.of(field.getType());
            String servedTypeText = TypeText.of(servedField.getType());
            if (!type.equals(servedTypeText)) {
                missing.add("field " + where + ": " + type + " became " + servedTypeText);
            }
            Map<String, InputValueDefinition> arguments =
                    byName(servedField.getInputValueDefinitions(), InputValueDefinition::getName);
            for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                InputValueDefinition servedArgument = arguments.get(argument.getName());
                String at = "argument " + where + "(" + argument.getName() + ")";
                if (servedArgument == null) {
                    missing.add(at);
                    continue;
                }
                String argumentType = TypeText.of(argument.getType());
                String servedArgumentType = TypeText.of(servedArgument.getType());
                if (!argumentType.equals(servedArgumentType)) {
                    missing.add(at + ": " + argumentType + " became " + servedArgumentType);
                }
                String defaultValue = TypeText.of(argument.getDefaultValue());
                String servedDefault = TypeText.of(servedArgument.getDefaultValue());
                if (!defaultValue.equals(servedDefault)) {
                    missing.add(at + " default " + defaultValue + " became " + servedDefault);
                }
            }
            servedField.getInputValueDefinitions().stream()
                    .filter(a -> field.getInputValueDefinitions().stream().noneMatch(e -> e.getName().equals(a.getName())))
                    .filter(a -> TypeText.of(a.getType()).endsWith("!") && a.getDefaultValue() == null)
                    .forEach(a -> missing.add("new required argument " + where + "(" + a.getName() + ")"));
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity()));
    }

    private static TypeDefinitionRegistry parse(String sdl) {
        ParserOptions.setDefaultSdlParserOptions(ParserOptions.getDefaultSdlParserOptions().transform(
                options -> options.maxTokens(Integer.MAX_VALUE)));
        return new SchemaParser().parse(sdl);
    }
}
