package cn.huoxian.shared;

/** Gives the signed-in user; implemented by the access module. */
public interface CurrentUserProvider {

	CurrentUser current();

}
