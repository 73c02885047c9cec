package cn.huoxian.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a module owns, on its {@code package-info}: only its own code names them;
 * other modules read and change them through its beans and events. Every table has
 * exactly one owner ({@code TableOwnershipTests}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

	/** Table names as created by the migrations. */
	String[] value();

}
