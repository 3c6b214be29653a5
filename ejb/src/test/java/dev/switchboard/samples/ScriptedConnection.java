package dev.switchboard.samples;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.media.AudioFile;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A connection that writes down what a sample asks of it, one line a request ({@code "gather 1 5s
 * menu.wav on h-1"}), and answers the way a test scripts it: a call's state, a handoff's result, an
 * error for the next request.
 */
final class ScriptedConnection {
    final List<String> asked = new ArrayList<>();
    final Map<String, CallState> states = new ConcurrentHashMap<>();
    HandoffResult handoffResult = HandoffResult.SUCCESS;
    Supplier<SwitchboardException> failNext;
    private int ops;
    /** The id of the last operation started, as its completion event will carry it. */
    String lastId;

    final SwitchboardConnectionFactory factory = (SwitchboardConnectionFactory) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {SwitchboardConnectionFactory.class},
            (proxy, method, args) -> connection());

    private SwitchboardConnection connection() {
        return (SwitchboardConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SwitchboardConnection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    if (failNext != null) {
                        SwitchboardException e = failNext.get();
                        failNext = null;
                        throw e;
                    }
                    return answer(method.getName(), args);
                });
    }

    private Object answer(String method, Object[] a) {
        switch (method) {
            case "callInfo" -> {
                CallHandle h = (CallHandle) a[0];
                return new CallInfo(h, "call-1", "line1", 4, states.getOrDefault(h.toString(), CallState.CONNECTED),
                        Privilege.OWNER, 1, 0, "", "");
            }
            case "gatherDigits" -> {
                GatherRequest g = (GatherRequest) a[1];
                asked.add("gather " + g.maxDigits() + " " + g.firstDigitTimeout().toSeconds() + "s "
                        + names(g.prompts()) + " on " + a[0]);
                return lastId = "gather-" + ++ops;
            }
            case "play" -> {
                // play(handle, Prompt...) is a default method, which a proxy is handed as it is
                List<?> prompts = a[1] instanceof Object[] array ? List.of(array) : (List<?>) a[1];
                asked.add("play " + names(prompts) + " on " + a[0]);
                return lastId = "play-" + ++ops;
            }
            case "record" -> {
                RecordRequest r = (RecordRequest) a[1];
                asked.add("record " + Path.of(r.file()).getParent().getFileName() + " beep=" + r.beep() + " max="
                        + r.maxDuration().toSeconds() + "s silence=" + r.maxSilence().toSeconds() + "s until "
                        + r.terminators() + " on " + a[0]);
                return lastId = "record-" + ++ops;
            }
            case "makeCall" -> {
                asked.add("makeCall " + a[0] + " " + a[1]);
                return CallHandle.of("agent-leg");
            }
            case "handoffToApplication" -> {
                asked.add("handoff " + a[0] + " to " + a[1]);
                return handoffResult;
            }
            default -> {
                asked.add(method + " " + java.util.Arrays.stream(a).map(String::valueOf)
                        .collect(Collectors.joining(" ")));
                return null;
            }
        }
    }

    private static String names(List<?> prompts) {
        return prompts.stream().map(p -> p instanceof AudioFile f ? f.toPath().getFileName().toString()
                : "tone:" + ((Tone) p).mode() + "/" + ((Tone) p).duration().toSeconds() + "s")
                .collect(Collectors.joining(","));
    }
}
