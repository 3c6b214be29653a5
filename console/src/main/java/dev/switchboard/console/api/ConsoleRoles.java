package dev.switchboard.console.api;

/** The console's one role. Users get it as a group of WildFly's ApplicationRealm ({@code add-user.sh -a -g operator}). */
public final class ConsoleRoles {

    /** May change things: priorities, drop, assign. */
    public static final String OPERATOR = "operator";

    private ConsoleRoles() {
    }
}
