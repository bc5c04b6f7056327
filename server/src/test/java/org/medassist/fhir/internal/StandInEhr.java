package org.medassist.fhir.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A FHIR R4 server for the tests: HAPI's plain {@link RestfulServer} on an embedded Tomcat on a random port, with
 * an in-memory store. Transactions honour {@code ifNoneExist} (on {@code identifier} and {@code _tag}) and resolve
 * {@code urn:uuid} references, as an EHR does. Encounters and Tasks can be read back and searched by identifier.
 * Faults on demand: down (503), garbage, a resource that is not a Bundle, a rejection (400), slowness, and an
 * answer lost after the transaction was filed.
 */
final class StandInEhr implements AutoCloseable {

	enum Mode {
		UP, DOWN, GARBAGE, WRONG_TYPE, REJECT, SLOW, LOSE_ANSWER_ONCE
	}

	private final FhirContext fhir = FhirContext.forR4Cached();

	private final Tomcat tomcat = new Tomcat();

	/** Filed resources by "Type/id". */
	final Map<String, Resource> store = new ConcurrentHashMap<>();

	final AtomicInteger transactions = new AtomicInteger();

	final AtomicInteger creates = new AtomicInteger();

	volatile Mode mode = Mode.UP;

	/** Faults of reads (GET): UP, DOWN (500), GARBAGE, WRONG_TYPE (a search answering other resource types), SLOW. */
	volatile Mode readMode = Mode.UP;

	/** Bearer tokens the EHR accepts; empty: any request is accepted. */
	final Set<String> acceptedTokens = ConcurrentHashMap.newKeySet();

	private final AtomicInteger ids = new AtomicInteger();

	StandInEhr() {
		try {
			tomcat.setBaseDir(Files.createTempDirectory("stand-in-ehr").toString());
			tomcat.setPort(0);
			Context context = tomcat.addContext("", null);
			RestfulServer server = new RestfulServer(fhir);
			server.registerProvider(new TransactionProvider());
			server.setResourceProviders(new EncounterProvider(), new TaskProvider(), new PatientProvider(),
					new AllergyProvider(), new ConditionProvider(), new MedicationStatementProvider());
			// Initialised at start: HAPI's first request otherwise takes seconds (longer than the client's timeout).
			Tomcat.addServlet(context, "fhir", server).setLoadOnStartup(1);
			context.addServletMappingDecoded("/fhir/*", "fhir");
			org.apache.tomcat.util.descriptor.web.FilterDef faults = new org.apache.tomcat.util.descriptor.web.FilterDef();
			faults.setFilterName("faults");
			faults.setFilter(faultFilter());
			context.addFilterDef(faults);
			org.apache.tomcat.util.descriptor.web.FilterMap map = new org.apache.tomcat.util.descriptor.web.FilterMap();
			map.setFilterName("faults");
			map.addURLPatternDecoded("/*");
			context.addFilterMap(map);
			tomcat.getConnector();
			tomcat.start();
		}
		catch (IOException | LifecycleException e) {
			throw new IllegalStateException(e);
		}
	}

	String baseUrl() {
		return "http://localhost:" + tomcat.getConnector().getLocalPort() + "/fhir";
	}

	/** The filed resources of a type whose identifier (or, for Provenance, tag) is the given one. */
	List<Resource> matching(String type, String system, String value) {
		return store.values().stream().filter(r -> r.fhirType().equals(type) && matches(r, system, value)).toList();
	}

	private Filter faultFilter() {
		return (request, response, chain) -> {
			HttpServletRequest http = (HttpServletRequest) request;
			HttpServletResponse out = (HttpServletResponse) response;
			boolean transaction = "POST".equals(http.getMethod());
			if (transaction) {
				switch (mode) {
					case DOWN -> {
						out.sendError(503, "down for maintenance");
						return;
					}
					case GARBAGE -> {
						out.setStatus(200);
						out.setContentType("application/fhir+json");
						out.getWriter().write("{\"resourceType\":\"Bundle\",\"type\":");
						return;
					}
					case WRONG_TYPE -> {
						out.setStatus(200);
						out.setContentType("application/fhir+json");
						out.getWriter().write("{\"resourceType\":\"Patient\",\"id\":\"x\"}");
						return;
					}
					case REJECT -> {
						out.setStatus(400);
						out.setContentType("application/fhir+json");
						out.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
								+ "\"code\":\"invalid\",\"diagnostics\":\"Patient Jane Doe born 1970 is not known\"}]}");
						return;
					}
					case SLOW -> sleep(3000);
					default -> {
					}
				}
			}
			else {
				switch (readMode) {
					case DOWN -> {
						out.sendError(500, "internal error");
						return;
					}
					case GARBAGE -> {
						out.setStatus(200);
						out.setContentType("application/fhir+json");
						out.getWriter().write("<html>not json");
						return;
					}
					case WRONG_TYPE -> {
						out.setStatus(200);
						out.setContentType("application/fhir+json");
						out.getWriter().write("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
								+ "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
								+ "\"code\":{\"text\":\"weight\"}}}]}");
						return;
					}
					case SLOW -> sleep(3000);
					default -> {
					}
				}
			}
			chain.doFilter(request, response);
		};
	}

	/** The system-level transaction: conditional creates, reference resolution, and the fault "answer lost". */
	public class TransactionProvider {

		@Transaction
		public Bundle transaction(@TransactionParam Bundle bundle, HttpServletRequest request) {
			String auth = request.getHeader("Authorization");
			if (!acceptedTokens.isEmpty()
					&& (auth == null || !acceptedTokens.contains(auth.replaceFirst("^Bearer ", "")))) {
				throw new AuthenticationException("a valid access token is required");
			}
			transactions.incrementAndGet();
			Bundle reply = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
			Map<String, String> resolved = new HashMap<>();
			List<Resource> toCreate = new ArrayList<>();
			synchronized (store) {
				for (BundleEntryComponent entry : bundle.getEntry()) {
					Resource resource = entry.getResource();
					Resource existing = existing(resource.fhirType(), entry.getRequest().getIfNoneExist());
					String id;
					if (existing != null) {
						id = existing.getIdElement().toUnqualifiedVersionless().getValue();
						reply.addEntry().getResponse().setStatus("200 OK").setLocation(id);
					}
					else {
						id = resource.fhirType() + "/" + ids.incrementAndGet();
						resource.setId(id);
						toCreate.add(resource);
						reply.addEntry().getResponse().setStatus("201 Created").setLocation(id);
					}
					resolved.put(entry.getFullUrl(), id);
				}
				for (Resource resource : toCreate) {
					for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
						if (ref.getReference() != null && resolved.containsKey(ref.getReference())) {
							ref.setReference(resolved.get(ref.getReference()));
						}
					}
					store.put(resource.getIdElement().getValue(), resource);
					creates.incrementAndGet();
				}
			}
			if (mode == Mode.LOSE_ANSWER_ONCE) {
				mode = Mode.UP;
				throw new InternalErrorException("filed, but the answer is lost");
			}
			return reply;
		}
	}

	private Resource existing(String type, String ifNoneExist) {
		if (ifNoneExist == null) {
			return null;
		}
		String[] param = ifNoneExist.split("=", 2);
		String[] token = param[1].split("\\|", 2);
		return store.values().stream().filter(r -> r.fhirType().equals(type) && matches(r, token[0], token[1]))
			.findFirst().orElse(null);
	}

	private boolean matches(Resource resource, String system, String value) {
		if (resource.getMeta().getTag().stream().anyMatch(t -> system.equals(t.getSystem()) && value.equals(t.getCode()))) {
			return true;
		}
		for (Identifier id : fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Identifier.class)) {
			if (system.equals(id.getSystem()) && value.equals(id.getValue())) {
				return !(resource instanceof org.hl7.fhir.r4.model.Bundle);
			}
		}
		return false;
	}

	private <T extends Resource> T read(Class<T> type, IdType id) {
		Resource r = store.get(type.getSimpleName() + "/" + id.getIdPart());
		if (r == null) {
			throw new ResourceNotFoundException(id);
		}
		return type.cast(r);
	}

	private <T extends Resource> List<T> search(Class<T> type, TokenParam identifier) {
		return matching(type.getSimpleName(), identifier.getSystem(), identifier.getValue()).stream().map(type::cast)
			.toList();
	}

	public class EncounterProvider implements IResourceProvider {

		@Override
		public Class<? extends IBaseResource> getResourceType() {
			return Encounter.class;
		}

		@Read
		public Encounter read(@IdParam IdType id) {
			return StandInEhr.this.read(Encounter.class, id);
		}

		@Search
		public List<Encounter> search(@RequiredParam(name = Encounter.SP_IDENTIFIER) TokenParam identifier) {
			return StandInEhr.this.search(Encounter.class, identifier);
		}
	}

	public class TaskProvider implements IResourceProvider {

		@Override
		public Class<? extends IBaseResource> getResourceType() {
			return Task.class;
		}

		@Read
		public Task read(@IdParam IdType id) {
			return StandInEhr.this.read(Task.class, id);
		}

		@Search
		public List<Task> search(@RequiredParam(name = Task.SP_IDENTIFIER) TokenParam identifier) {
			return StandInEhr.this.search(Task.class, identifier);
		}
	}

	/** Files a resource directly (the EHR's own record), returning its "Type/id". */
	String seed(Resource resource) {
		String id = resource.fhirType() + "/" + ids.incrementAndGet();
		resource.setId(id);
		store.put(id, resource);
		return id;
	}

	private <T extends Resource> List<T> byPatient(Class<T> type, ReferenceParam patient) {
		String wanted = "Patient/" + patient.getIdPart();
		return store.values().stream().filter(type::isInstance).map(type::cast)
			.filter(r -> fhir.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class).stream()
				.anyMatch(ref -> wanted.equals(ref.getReference())))
			.toList();
	}

	public class PatientProvider implements IResourceProvider {

		@Override
		public Class<? extends IBaseResource> getResourceType() {
			return Patient.class;
		}

		@Read
		public Patient read(@IdParam IdType id) {
			return StandInEhr.this.read(Patient.class, id);
		}

		@Search
		public List<Patient> search(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
			return StandInEhr.this.search(Patient.class, identifier);
		}
	}

	public class AllergyProvider implements IResourceProvider {

		@Override
		public Class<? extends IBaseResource> getResourceType() {
			return AllergyIntolerance.class;
		}

		@Search
		public List<AllergyIntolerance> search(@RequiredParam(name = AllergyIntolerance.SP_PATIENT) ReferenceParam patient) {
			return byPatient(AllergyIntolerance.class, patient);
		}
	}

	public class ConditionProvider implements IResourceProvider {

		@Override
		public Class<? extends IBaseResource> getResourceType() {
			return Condition.class;
		}

		@Search
		public List<Condition> search(@RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient) {
			return byPatient(Condition.class, patient);
		}
	}

	public class MedicationStatementProvider implements IResourceProvider {

		@Override
		public Class<? extends IBaseResource> getResourceType() {
			return MedicationStatement.class;
		}

		@Search
		public List<MedicationStatement> search(
				@RequiredParam(name = MedicationStatement.SP_SUBJECT) ReferenceParam subject) {
			return byPatient(MedicationStatement.class, subject);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws LifecycleException {
		tomcat.stop();
		tomcat.destroy();
	}

}
