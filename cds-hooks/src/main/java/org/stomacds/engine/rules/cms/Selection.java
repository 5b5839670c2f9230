package org.stomacds.engine.rules.cms;

/**
 * The data that applies to a date of service.
 *
 * @param data the data
 * @param file the file it came from
 * @param note null when the file covers the date; otherwise what a finding's notes should say
 */
public record Selection<T>(T data, DataFile file, String note) {}
