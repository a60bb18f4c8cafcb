package org.luoshi.agency.registry;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.luoshi.agency.reorganization.ParentsOn;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.api.model.Identifier;
import org.luoshi.agency.api.model.OtherName;
import org.luoshi.agency.api.model.OtherNameKind;
import org.luoshi.events.model.AgencyIdentifier;
import org.luoshi.events.model.AgencyOtherName;
import org.luoshi.events.model.AgencySnapshot;

/** Entity to contract types, in one place: to the REST model and to the event snapshot. */
@ApplicationScoped
public class AgencyMapper {

    public org.luoshi.agency.api.model.Agency toApi(Agency agency) {
        return new org.luoshi.agency.api.model.Agency(agency.id, agency.name, agency.classification, agency.level,
                agency.divisionCode, agency.status, agency.version)
                .shortName(agency.shortName)
                .otherNames(agency.otherNames.stream()
                        .map(n -> new OtherName(n.name(), OtherNameKind.fromValue(n.kind()))).toList())
                .parentId(agency.parentId)
                .identifiers(agency.identifiers.stream().map(i -> new Identifier(i.scheme(), i.identifier())).toList())
                .foundingDate(agency.foundingDate)
                .dissolutionDate(agency.dissolutionDate)
                .successorIds(List.copyOf(agency.successorIds));
    }

    /**
     * The agency as it stood on a date: a dissolution after that date has not happened yet, and it stood under the
     * parent it had then.
     */
    public org.luoshi.agency.api.model.Agency toApi(Agency agency, LocalDate asOf, ParentsOn parents) {
        org.luoshi.agency.api.model.Agency view = toApi(agency).parentId(parents.parentOf(agency));
        if (asOf != null && agency.dissolutionDate != null && agency.dissolutionDate.isAfter(asOf)) {
            view.status(AgencyStatus.ACTIVE).dissolutionDate(null).successorIds(List.of());
        }
        return view;
    }

    public AgencySnapshot toSnapshot(Agency agency) {
        return new AgencySnapshot(agency.id, agency.name, agency.classification.toString(), agency.level.toString(),
                agency.divisionCode, AgencySnapshot.StatusEnum.fromValue(agency.status.toString()), agency.version)
                .shortName(agency.shortName)
                .otherNames(agency.otherNames.stream()
                        .map(n -> new AgencyOtherName(n.name(), AgencyOtherName.KindEnum.fromValue(n.kind()))).toList())
                .parentId(agency.parentId)
                .foundingDate(agency.foundingDate)
                .dissolutionDate(agency.dissolutionDate)
                .successorIds(List.copyOf(agency.successorIds))
                .identifiers(agency.identifiers.stream().map(i -> new AgencyIdentifier(i.scheme(), i.identifier())).toList());
    }

    public List<Agency.NameEntry> toNameEntries(List<OtherName> names) {
        return names == null ? List.of()
                : names.stream().map(n -> new Agency.NameEntry(n.getName().strip(), n.getKind().toString())).distinct().toList();
    }

    public List<Agency.IdentifierEntry> toIdentifierEntries(List<Identifier> identifiers) {
        return identifiers == null ? List.of()
                : identifiers.stream().map(i -> new Agency.IdentifierEntry(i.getScheme(), i.getIdentifier())).distinct().toList();
    }
}
