package io.tidemark.app.graphql;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RepositoryOrder")
@Description("Since 2. How to order repositories.")
public class RepositoryOrder {

    @NonNull
    public RepositoryOrderField field;

    @DefaultValue("DESC")
    public OrderDirection direction;

    @Description("The range whose counts VIEWS and CLONES order by (inclusive dates; default: the last 14 full days).")
    public LocalDate since;

    public LocalDate until;

    public RepositoryOrder() {}
}
