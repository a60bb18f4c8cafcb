package org.luoshi.task.tracking;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.testing.SecurityMatrix;
import org.luoshi.task.audit.AuditResource;
import org.luoshi.task.document.DocumentResource;
import org.luoshi.task.importing.ImportResource;
import org.luoshi.task.supervision.SupervisionResource;
import org.luoshi.task.support.RealInfrastructureProfile;

@QuarkusTest
@TestProfile(RealInfrastructureProfile.class)
class SecurityMatrixTest {

    @Test
    void everyOperationRefusesBadTokensAndChecksRoles() throws Exception {
        SecurityMatrix.assertEnforced("contracts/openapi/task-api.yaml", DocumentResource.class, TaskResource.class,
                ImportResource.class, SupervisionResource.class, AuditResource.class);
    }
}
