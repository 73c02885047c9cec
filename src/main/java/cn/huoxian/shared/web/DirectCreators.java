package cn.huoxian.shared.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.module.SimpleModule;

/**
 * Records, and other bodies built through a constructor that takes their properties, are
 * made through a method handle that spreads the properties, built once per type.
 * <p>
 * Jackson 3 calls {@code MethodHandle.invokeWithArguments} for every instance, which
 * builds a new spreading invoker each time: a visit batch of 500 visits makes about 2,000
 * records, and in a new server this machinery was a large part of what the JIT compiled
 * during the first batches (issue 13, docs/BENCHMARKS.md). Everything else stays
 * Jackson's: which constructor, the properties, and how a constructor's exception is
 * reported.
 */
final class DirectCreators implements ValueInstantiators {

	/** A module that installs these creators in a mapper. */
	static JacksonModule module() {
		return new SimpleModule("huoxian-direct-creators") {

			@Override
			public void setupModule(SetupContext context) {
				super.setupModule(context);
				context.addValueInstantiators(new DirectCreators());
			}

		};
	}

	@Override
	public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDescRef) {
		return null;
	}

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDescRef,
			ValueInstantiator defaultInstantiator) {
		// only Jackson's own instantiator: a subclass may have reasons of its own
		if (defaultInstantiator.getClass() != StdValueInstantiator.class) {
			return defaultInstantiator;
		}
		StdValueInstantiator standard = (StdValueInstantiator) defaultInstantiator;
		AnnotatedWithParams creator = standard.getWithArgsCreator();
		if (!(creator instanceof AnnotatedConstructor constructor) || creator.getParameterCount() == 0) {
			return defaultInstantiator;
		}
		MethodHandle spreader = spreader(constructor.getAnnotated());
		return spreader == null ? defaultInstantiator : new Spreading(standard, spreader);
	}

	/**
	 * {@code (Object[]) -> Object} calling the constructor, or null where it may not be
	 * reached.
	 */
	private static MethodHandle spreader(Constructor<?> constructor) {
		try {
			return MethodHandles.lookup()
				.unreflectConstructor(constructor)
				.asSpreader(Object[].class, constructor.getParameterCount())
				.asType(MethodType.methodType(Object.class, Object[].class));
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null;
		}
	}

	static final class Spreading extends StdValueInstantiator {

		private final MethodHandle spreader;

		Spreading(StdValueInstantiator standard, MethodHandle spreader) {
			super(standard);
			this.spreader = spreader;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) {
			try {
				return (Object) this.spreader.invokeExact(args);
			}
			catch (Exception ex) {
				// as Jackson reports it: a record's own check becomes a bad request
				return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, ex));
			}
			catch (Error error) {
				throw error;
			}
			catch (Throwable impossible) {
				throw new IllegalStateException(impossible);
			}
		}

	}

}
