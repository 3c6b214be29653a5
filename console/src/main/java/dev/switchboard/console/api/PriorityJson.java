package dev.switchboard.console.api;

import java.util.List;
import java.util.Map;

/**
 * One media mode's priorities (R1).
 *
 * @param admin     the administrator's list, first first (editable, saved to the priority file, R3)
 * @param effective per line: who would get a new call of this mode there, first first: the
 *                  administrator's entries, then the other owners by their declared priority
 */
public record PriorityJson(String mode, int bit, List<String> admin, Map<String, List<String>> effective) {
}
