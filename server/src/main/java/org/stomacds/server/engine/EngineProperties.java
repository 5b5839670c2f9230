package org.stomacds.server.engine;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule engine reads its rules (prefix {@code stomacds.engine}).
 *
 * @param ruleFile a rule file to use instead of the pack shipped in the jar (a compliance
 *     reviewer's edited copy; its CMS data files are resolved relative to it); null for the shipped
 *     pack
 * @param payerMappings operator payer mapping files, tried before the shipped mapping
 */
@ConfigurationProperties("stomacds.engine")
public record EngineProperties(Path ruleFile, @DefaultValue List<Path> payerMappings) {}
