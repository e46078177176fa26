package io.tidemark.app.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("""
        Since 2. A user or organisation, seen through its tracked repositories. Only counts add up across
        repositories: a visitor may have seen several of them, so there is no owner-wide uniques figure.""")
public class Owner {

    private final String login;

    Owner(String login) {
        this.login = login;
    }

    @NonNull
    public String getLogin() {
        return login;
    }
}
