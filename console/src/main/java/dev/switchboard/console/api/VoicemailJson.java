package dev.switchboard.console.api;

/**
 * One voicemail in {@code GET /api/voicemail}.
 *
 * @param name       the file's name in the voicemail directory
 * @param bytes      its size
 * @param seconds    how long it plays; null when the file is not (yet) a readable WAV
 * @param recordedAt when it was last written, ISO-8601 UTC
 */
public record VoicemailJson(String name, long bytes, Double seconds, String recordedAt) {
}
