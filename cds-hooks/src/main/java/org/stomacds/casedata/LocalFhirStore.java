package org.stomacds.casedata;

/**
 * Marker for the {@link FhirDataSource} that reads this application's own FHIR store. The server
 * module provides one bean of this type; the CDS Hooks layer uses it when a request's {@code
 * fhirServer} is this application's own FHIR base, or when configuration says callers share our
 * store ({@code stomacds.cds.shared-store}).
 */
public interface LocalFhirStore extends FhirDataSource {}
