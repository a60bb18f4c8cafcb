package org.luoshi.agency.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.audit.AuditResource;
import org.luoshi.agency.curation.CurationResource;
import org.luoshi.agency.naming.ResolutionResource;
import org.luoshi.agency.reorganization.ReorganizationResource;
import org.luoshi.agency.support.RealInfrastructureProfile;
import org.luoshi.platform.testing.SecurityMatrix;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class SecurityMatrixTest {

    @Test
    void everyOperationRefusesBadTokensAndChecksRoles() throws Exception {
        SecurityMatrix.assertEnforced("contracts/openapi/agency-api.yaml", AgencyResource.class,
                ResolutionResource.class, ReorganizationResource.class, CurationResource.class,
                AdministrationResource.class, AuditResource.class);
    }
}
