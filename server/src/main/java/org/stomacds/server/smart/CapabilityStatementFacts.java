package org.stomacds.server.smart;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;
import org.stomacds.server.security.ApiSecurityProperties.TokenIssuer;
import org.stomacds.server.security.GrantableOperations;

/**
 * Makes the CapabilityStatement HAPI generates say what is true of this server:
 *
 * <ul>
 *   <li>{@code rest.security} (unless the demo profile opened everything): the SMART-on-FHIR
 *       service and the authorization server's endpoints (the {@code oauth-uris} extension SMART
 *       clients read), CORS;
 *   <li>only the operations a token can be granted ({@link GrantableOperations}): HAPI lists every
 *       operation its providers carry ({@code $expunge}, {@code $meta-add}, {@code
 *       $everything}...), which our authorization refuses to every caller.
 * </ul>
 */
@Interceptor
final class CapabilityStatementFacts {

  static final String OAUTH_URIS =
      "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
  static final String SECURITY_SERVICE =
      "http://terminology.hl7.org/CodeSystem/restful-security-service";

  private final boolean secured;
  private final Optional<TokenIssuer> issuer;
  private final boolean cors;
  private final GrantableOperations operations;

  /**
   * @param secured whether tokens are required (anything but the open demo)
   * @param issuer the authorization server SMART clients are sent to, if any
   * @param cors whether browsers of some origin may call {@code /fhir}
   * @param operations the operations that can be granted
   */
  CapabilityStatementFacts(
      boolean secured, Optional<TokenIssuer> issuer, boolean cors, GrantableOperations operations) {
    this.secured = secured;
    this.issuer = issuer;
    this.cors = cors;
    this.operations = operations;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describe(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement statement)) {
      return;
    }
    for (CapabilityStatementRestComponent rest : statement.getRest()) {
      rest.getOperation().removeIf(op -> !operations.contains(op.getName()));
      for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
        resource.getOperation().removeIf(op -> !operations.contains(op.getName()));
      }
      rest.setSecurity(secured ? security() : null);
    }
  }

  private CapabilityStatementRestSecurityComponent security() {
    CapabilityStatementRestSecurityComponent security =
        new CapabilityStatementRestSecurityComponent();
    security.setCors(cors);
    security.addService(
        new CodeableConcept()
            .addCoding(
                new org.hl7.fhir.r4.model.Coding(
                    SECURITY_SERVICE, "SMART-on-FHIR", "SMART-on-FHIR"))
            .setText("OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)"));
    security.setDescription(
        "Every call but /metadata and /.well-known/smart-configuration needs an OAuth2 bearer"
            + " access token (a JWT) from a trusted authorization server; its SMART scopes (v1"
            + " and v2; patient/, user/, system/) are enforced per resource type and"
            + " interaction.");
    issuer.ifPresent(
        trusted -> {
          Extension uris = new Extension(OAUTH_URIS);
          if (SmartDiscovery.present(trusted.authorizationEndpoint())) {
            uris.addExtension("authorize", new UriType(trusted.authorizationEndpoint()));
          }
          if (SmartDiscovery.present(trusted.tokenEndpoint())) {
            uris.addExtension("token", new UriType(trusted.tokenEndpoint()));
          }
          if (!uris.getExtension().isEmpty()) {
            security.addExtension(uris);
          }
        });
    return security;
  }
}
