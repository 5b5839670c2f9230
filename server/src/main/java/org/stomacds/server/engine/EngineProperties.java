package org.stomacds.server.engine;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule engine reads its rules (prefix {@code stomacds.engine}).
 *
 * @param ruleFile a rule file to use instead of the shipped pack of its code (a compliance
 *     reviewer's edited copy of the 44405 pack; its CMS data files are resolved relative to it);
 *     null for the shipped packs
 * @param packFiles operator packs ({@code pack.yaml} of a folder with its data files) loaded beside
 *     the shipped ones; one of a shipped pack's code replaces it
 * @param payerMappings operator payer mapping files, tried before the shipped mapping
 */
@ConfigurationProperties("stomacds.engine")
public record EngineProperties(
    Path ruleFile, @DefaultValue List<Path> packFiles, @DefaultValue List<Path> payerMappings) {}
