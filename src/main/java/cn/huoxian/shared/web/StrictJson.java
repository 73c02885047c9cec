package cn.huoxian.shared.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import cn.huoxian.shared.Text;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The API reads JSON strictly: a value has the type its field declares (no boolean or
 * number stored as text, no text or fraction read as a number or id, no enum by position,
 * dates only as ISO strings, an empty string is not "absent"), unknown fields and
 * trailing content are refused, and text may not hold NUL or lone surrogates.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictJsonReading() {
		return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.defaultLeniency(false)
			.withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					c -> fail(c, CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float))
			.withCoercionConfig(LogicalType.Integer,
					c -> fail(c, CoercionInputShape.Boolean, CoercionInputShape.Float, CoercionInputShape.String,
							CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Float,
					c -> fail(c, CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Boolean,
					c -> fail(c, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String,
							CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.DateTime,
					c -> fail(c, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Enum,
					c -> fail(c, CoercionInputShape.Integer, CoercionInputShape.EmptyString))
			.addModule(new SimpleModule("huoxian-strict-text").addDeserializer(String.class, new CleanText())
				.setDeserializerModifier(new DatesAsStrings()))
			.addModule(DirectCreators.module());
	}

	private static void fail(tools.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
		for (CoercionInputShape shape : shapes) {
			config.setCoercion(shape, CoercionAction.Fail);
		}
	}

	/** java.time values only from ISO strings: not from numbers (epoch) nor arrays. */
	static final class DatesAsStrings extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueDeserializer<?> deserializer) {
			Class<?> type = bean.getBeanClass();
			return type.getPackageName().equals("java.time") ? new StringsOnly(deserializer) : deserializer;
		}

	}

	static final class StringsOnly extends DelegatingDeserializer {

		// OffsetDateTime in its usual shape read by QuickOffsetTimes; only where no
		// @JsonFormat changes how the value is read
		private final boolean quickOffsets;

		StringsOnly(ValueDeserializer<?> delegate) {
			this(delegate, false);
		}

		private StringsOnly(ValueDeserializer<?> delegate, boolean quickOffsets) {
			super(delegate);
			this.quickOffsets = quickOffsets;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new StringsOnly(delegate);
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
			ValueDeserializer<?> contextual = super.createContextual(ctxt, property);
			if (contextual instanceof StringsOnly strings && strings.handledType() == OffsetDateTime.class
					&& isPlain(property == null ? ctxt.getDefaultPropertyFormat(OffsetDateTime.class)
							: property.findPropertyFormat(ctxt.getConfig(), OffsetDateTime.class))) {
				return new StringsOnly(strings.getDelegatee(), true);
			}
			return contextual;
		}

		boolean readsOffsetsQuickly() {
			return quickOffsets;
		}

		private static boolean isPlain(JsonFormat.Value format) {
			return !format.hasPattern() && !format.hasTimeZone() && !format.hasLocale()
					&& format.getFeature(JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) == null
					&& (format.getShape() == JsonFormat.Shape.ANY || format.getShape() == JsonFormat.Shape.STRING);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return ctxt.handleUnexpectedToken(handledType(), p);
			}
			if (quickOffsets) {
				OffsetDateTime quick = QuickOffsetTimes.parse(p.getString());
				if (quick != null) {
					return inContextZone(quick, ctxt);
				}
			}
			return super.deserialize(p, ctxt);
		}

		/** As Jackson's own reader adjusts an offset date-time (InstantDeserializer). */
		private static OffsetDateTime inContextZone(OffsetDateTime value, DeserializationContext ctxt) {
			if (!ctxt.isEnabled(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
				return value;
			}
			ZoneId zone = ctxt.getTimeZone().toZoneId();
			if (ctxt.isEnabled(DateTimeFeature.NORMALIZE_DESERIALIZED_ZONE_ID)) {
				zone = zone.normalized();
			}
			return value.withOffsetSameInstant(zone.getRules().getOffset(value.toLocalDateTime()));
		}

	}

	/** Strings as Jackson reads them, refusing NUL and lone surrogates. */
	static final class CleanText extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			if (value != null && !Text.isClean(value)) {
				throw new ForbiddenCharacterException(p);
			}
			return value;
		}

	}

}
